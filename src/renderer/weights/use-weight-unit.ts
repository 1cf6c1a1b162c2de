import type { WeightUnit } from '../../shared/reports/weight';
import { useApiQuery } from '../api/query';

/** The site's weight unit (the coordinator sets it with the month's settings); kg until it is known. */
export function useWeightUnit(): WeightUnit {
  return useApiQuery('weights.unit', {}).data?.unit ?? 'kg';
}
