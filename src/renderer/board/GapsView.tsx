import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/channel';
import type { PantryGap } from '../../shared/api/channels/board';
import type { ApiError } from '../../shared/api/errors';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { forecastLine } from '../month/use-forecast';

/** Items often asked for and out: share them as "we need", or print a list for a donation drive. */
export function GapsView({ role, siteName }: { role: Role; siteName: string }) {
  const { t } = useTranslation('board');
  const api = useApi();
  const [gaps, setGaps] = useState<PantryGap[] | null>(null);
  const [days, setDays] = useState(14);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const [g, s] = await Promise.all([api.call('board.gaps', {}), api.call('board.settings', {})]);
    if (g.ok) setGaps(g.value);
    else setError(g.error);
    if (s.ok) setDays(s.value.gapDays);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="gaps" aria-label={t('tabs.gaps')}>
      <h2 className="print-only">{t('gaps.printTitle', { site: siteName })}</h2>
      <p className="lead">{t('gaps.lead', { count: days })}</p>
      <ErrorNotice error={error} />
      {gaps && gaps.length === 0 ? <p>{t('gaps.empty')}</p> : null}
      <ul className="gap-list">
        {gaps?.map((g) => (
          <li key={g.itemId} className="gap">
            <span className="gap-name">{g.name}</span>
            <span className="gap-facts no-print">
              {t('gaps.asks', { count: g.asks })} · {t('gaps.available', { count: Math.max(0, g.available) })}
              {g.daysLeft !== null ? ` · ${forecastLine(t, g.name, g.daysLeft)}` : null}
            </span>
            {g.entryId ? (
              <span className="gap-shared no-print">{t('gaps.shared')}</span>
            ) : role !== 'intake' ? (
              <button
                type="button"
                className="button button-secondary no-print"
                onClick={async () => {
                  const result = await api.call('board.publish_gap', { itemId: g.itemId });
                  if (!result.ok) setError(result.error);
                  await load();
                }}
              >
                {t('gaps.share')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {gaps && gaps.length > 0 ? (
        <button type="button" className="button button-primary no-print" onClick={() => window.print()}>
          {t('gaps.print')}
        </button>
      ) : null}
    </section>
  );
}
