import { useEffect, useState } from 'react';
import type { WeightUnit } from '../../shared/reports/weight';
import { useApi } from '../api/context';

/** The site's weight unit (the coordinator sets it with the month's settings); kg until it is known. */
export function useWeightUnit(): WeightUnit {
  const api = useApi();
  const [unit, setUnit] = useState<WeightUnit>('kg');
  useEffect(() => {
    let live = true;
    void api.call('weights.unit', {}).then((r) => {
      if (live && r.ok) setUnit(r.value.unit);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return unit;
}
