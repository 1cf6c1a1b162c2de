import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { Forecast } from '../../shared/api/channels/month';
import { useApiQuery } from '../api/query';

const NONE: Forecast[] = [];

/**
 * Days of stock left for the items on screen (month.forecast; the rule is core/reports/forecast.ts).
 * A query keyed by the items: it follows a receive or a pickup through the stock events, and an
 * older answer never replaces a newer one.
 */
export function useForecast(itemIds: readonly string[]): Map<string, Forecast> {
  const ids = itemIds.slice(0, 500);
  const q = useApiQuery('month.forecast', { itemIds: ids }, { live: ['stock'], enabled: ids.length > 0, keepPrevious: true });
  const data = q.data ?? NONE;
  return useMemo(() => new Map(data.map((f) => [f.itemId, f])), [data]);
}

/** "Rice: about 2 distribution days left"; nothing given out lately says so, not a number. */
export function forecastLine(t: TFunction, item: string, daysLeft: number | null | undefined): string {
  if (daysLeft === undefined) return '';
  return daysLeft === null ? t('month:forecast.none') : t('month:forecast.itemDaysLeft', { item, count: daysLeft });
}
