import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { Forecast } from '../../shared/api/channels/month';
import { useApi } from '../api/context';

/**
 * Days of stock left for the items on screen (month.forecast; the rule is core/reports/forecast.ts).
 * `key` changes when stock moves, so the figures follow a receive or a pickup.
 */
export function useForecast(itemIds: readonly string[], key: unknown = null): Map<string, Forecast> {
  const api = useApi();
  const [byItem, setByItem] = useState<Map<string, Forecast>>(new Map());
  const ids = itemIds.join(',');
  useEffect(() => {
    let live = true;
    if (ids === '') return;
    void api.call('month.forecast', { itemIds: ids.split(',').slice(0, 500) }).then((r) => {
      if (live && r.ok) setByItem(new Map(r.value.map((f) => [f.itemId, f])));
    });
    return () => {
      live = false;
    };
  }, [api, ids, key]);
  return byItem;
}

/** "Rice: about 2 distribution days left"; nothing given out lately says so, not a number. */
export function forecastLine(t: TFunction, item: string, daysLeft: number | null | undefined): string {
  if (daysLeft === undefined) return '';
  return daysLeft === null ? t('month:forecast.none') : t('month:forecast.itemDaysLeft', { item, count: daysLeft });
}
