import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/channel';
import { useApiMutation, useApiQuery } from '../api/query';
import type { SiteSettings } from '../../shared/domain/site';
import { ErrorNotice } from '../components/ErrorNotice';
import { asyncHandler } from '../async-handler';
import { PublicScreen } from '../public/PublicScreen';
import { forecastLine } from '../month/use-forecast';
import { BOARD_CHANGES } from './act';

/** Items often asked for and out: share them as "we need", or print a list for a donation drive. */
export function GapsView({ role, siteName, settings }: { role: Role; siteName: string; settings: SiteSettings }) {
  const { t } = useTranslation('board');
  // The waiting-room TV has no buttons; its poster is printed from here, by the coordinator.
  const [poster, setPoster] = useState(false);
  const gapsRead = useApiQuery('board.gaps', {});
  const gaps = gapsRead.data ?? null;
  const days = useApiQuery('board.settings', {}).data?.gapDays ?? 14;
  const publishing = useApiMutation('board.publish_gap', BOARD_CHANGES);

  if (poster)
    return (
      <PublicScreen mode="poster" siteName={siteName} settings={settings} setLanguage={() => undefined} onClose={() => setPoster(false)} />
    );
  return (
    <section className="gaps" aria-label={t('tabs.gaps')}>
      {role === 'coordinator' ? (
        <button type="button" className="button button-secondary no-print" onClick={() => setPoster(true)}>
          {t('public.poster')}
        </button>
      ) : null}
      <h2 className="print-only">{t('gaps.printTitle', { site: siteName })}</h2>
      <p className="lead">{t('gaps.lead', { count: days })}</p>
      <ErrorNotice error={publishing.error ?? gapsRead.error} />
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
                onClick={asyncHandler(async () => {
                  // Shared, the gap and the board are read again; refused, the gaps are (another may have shared it).
                  const result = await publishing.call({ itemId: g.itemId });
                  if (!result.ok) await gapsRead.refetch();
                })}
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
