import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import { useApiQuery } from '../api/query';
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
import type { Act } from './act';

const TABS = ['needs', 'offers', 'matches', 'gaps', 'add', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** The needs and offers board: suggestions with reasons, matches in progress, pantry gaps. */
export function BoardSection({ session, siteName, settings }: SectionProps) {
  const { t } = useTranslation('board');
  const [tab, setTab] = useState<Tab>('needs');
  const board = useApiQuery('board.list', {});
  const [error, setError] = useState<ApiError | null>(null);
  const { view, more } = useBoardPages(board.data, setError);
  const { refetch } = board;

  /**
   * Runs a write, shows its error if any, and refreshes the board either way: a write that went
   * through invalidates the board itself (BOARD_CHANGES); a refused one reads it again here.
   */
  const act: Act = useCallback(
    async (run) => {
      setError(null);
      const result = await run();
      if (!result.ok) {
        setError(result.error);
        await refetch();
      }
      return result.ok;
    },
    [refetch],
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
      <ErrorNotice error={error ?? board.error} />
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
      {tab === 'settings' && session.role === 'coordinator' ? <SettingsView /> : null}
      {tab === 'add' ? (
        <AddEntry
          languages={settings.languages}
          // The new entry is on the board already: the write read it again before it answered.
          onAdded={(kind) => setTab(kind === 'need' ? 'needs' : 'offers')}
        />
      ) : null}
    </div>
  );
}
