import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '../../shared/api/channels/board';
import type { ApiError } from '../../shared/api/errors';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import type { SectionProps } from '../volunteer/section-props';
import { AddEntry } from './AddEntry';
import { BoardList } from './BoardList';
import { EntryCard } from './EntryCard';
import { GapsView } from './GapsView';
import { MatchesView } from './MatchesView';
import { EntryActions, NeedsView } from './NeedsView';
import { SettingsView } from './SettingsView';
import { useBoardPages } from './use-board-pages';
import '../styles/board.css';
import { asyncHandler } from '../async-handler';

const TABS = ['needs', 'offers', 'matches', 'gaps', 'add', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** The needs and offers board: suggestions with reasons, matches in progress, pantry gaps. */
export function BoardSection({ session, siteName, settings }: SectionProps) {
  const { t } = useTranslation('board');
  const api = useApi();
  const [tab, setTab] = useState<Tab>('needs');
  const [view, setView] = useState<BoardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    const result = await api.call('board.list', {});
    if (result.ok) setView(result.value);
    else setError(result.error);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);
  const more = useBoardPages(view, setView, setError);

  /** Runs an action, shows its error if any, and refreshes the board either way. */
  const act = useCallback(
    async (run: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) => {
      setError(null);
      const result = await run();
      if (!result.ok) setError(result.error);
      await reload();
      return result.ok;
    },
    [reload],
  );

  const inProgress = view?.matches.filter((m) => m.state === 'suggested' || m.state === 'agreed').length ?? 0;
  return (
    <div className="board">
      <h1>{t('title')}</h1>
      <nav className="board-tabs" aria-label={t('title')}>
        {TABS.filter((id) => id !== 'settings' || session.role === 'coordinator').map((id) => (
          <button key={id} type="button" className="tab" aria-pressed={tab === id} onClick={() => setTab(id)}>
            {t(`tabs.${id}`)}
            {id === 'needs' && view ? ` (${view.needsTotal})` : null}
            {id === 'offers' && view ? ` (${view.offersTotal})` : null}
            {id === 'matches' && inProgress > 0 ? ` (${inProgress})` : null}
          </button>
        ))}
      </nav>
      <ErrorNotice error={error} />
      {view && tab === 'needs' ? <NeedsView view={view} act={act} onMore={() => void more('need')} /> : null}
      {view && tab === 'offers' ? (
        <section aria-label={t('tabs.offers')}>
          <p className="lead">{t('expiryRule', { count: view.expiryDays })}</p>
          {view.offers.length === 0 ? <p>{t('emptyOffers')}</p> : null}
          <BoardList
            items={view.offers}
            hasMore={view.offersNext !== null}
            onMore={() => void more('offer')}
            render={(o) => (
              <EntryCard key={o.id} entry={o}>
                <EntryActions entry={o} act={act} />
              </EntryCard>
            )}
          />
        </section>
      ) : null}
      {view && tab === 'matches' ? <MatchesView matches={view.matches} role={session.role} act={act} /> : null}
      {tab === 'gaps' ? <GapsView role={session.role} siteName={siteName} settings={settings} /> : null}
      {tab === 'settings' && session.role === 'coordinator' ? <SettingsView onSaved={() => void reload()} /> : null}
      {tab === 'add' ? (
        <AddEntry
          languages={settings.languages}
          onAdded={asyncHandler(async (kind) => {
            await reload();
            setTab(kind === 'need' ? 'needs' : 'offers');
          })}
        />
      ) : null}
    </div>
  );
}
