import { useTranslation } from 'react-i18next';
import type { BoardEntry, BoardView, Why } from '../../shared/api/channels/board';
import { useApiMutation } from '../api/query';
import { BOARD_CHANGES, type Act } from './act';
import { BoardList } from './BoardList';
import { EntryCard } from './EntryCard';
import { categoryLabel, formatDate, formatSlots, languageNames } from './format';

/** One reason a suggestion fits, in words. */
export function WhyLine({ why }: { why: Why }) {
  const { t, i18n } = useTranslation('board');
  const lng = i18n.language;
  const p = why.params;
  switch (why.code) {
    case 'category':
      return <>{t('why.category', { category: categoryLabel(String(p.category), t) })}</>;
    case 'language':
      return <>{t('why.language', { languages: languageNames(String(p.languages).split(','), lng) })}</>;
    case 'time':
      return <>{t('why.time', { slots: formatSlots(Number(p.slots), t, lng) })}</>;
    case 'dates':
      return (
        <>
          {t('why.dates', {
            from: p.from ? formatDate(String(p.from), lng) : '…',
            until: p.until ? formatDate(String(p.until), lng) : '…',
          })}
        </>
      );
    case 'busy':
      return <>{t('why.busy', { count: Number(p.count) })}</>;
    case 'waiting':
      return <>{Number(p.days) === 0 ? t('why.today') : t('why.waiting', { count: Number(p.days) })}</>;
    default:
      return <>{t(`why.${why.code}`)}</>;
  }
}

export function WhyList({ why }: { why: Why[] }) {
  const { t } = useTranslation('board');
  return (
    <ul className="why" aria-label={t('whyTitle')}>
      {why.map((w) => (
        <li key={w.code}>
          <WhyLine why={w} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Renew and take off, for this hub's own entries. Another hub's copy says whose it is instead:
 * only the owner can change it (core refuses too, with board.other_hub).
 */
export function EntryActions({ entry, act }: { entry: BoardEntry; act: Act }) {
  const { t } = useTranslation('board');
  const renew = useApiMutation('board.renew', BOARD_CHANGES);
  const withdraw = useApiMutation('board.withdraw', BOARD_CHANGES);
  if (entry.fromHub !== null) return <p className="entry-owner">{t('otherHubActions', { hub: entry.fromHub })}</p>;
  return (
    <div className="entry-actions">
      <button type="button" className="button button-secondary" onClick={() => void act(() => renew.call({ id: entry.id }))}>
        {t('renew')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => void act(() => withdraw.call({ id: entry.id }))}>
        {t('withdraw')}
      </button>
    </div>
  );
}

export function NeedsView({ view, act, onMore }: { view: BoardView; act: Act; onMore(): void }) {
  const { t } = useTranslation('board');
  const propose = useApiMutation('board.propose', BOARD_CHANGES);
  return (
    <section aria-label={t('tabs.needs')}>
      <p className="lead">{t('expiryRule', { count: view.expiryDays })}</p>
      {view.needs.length === 0 ? <p>{t('emptyNeeds')}</p> : null}
      <BoardList
        items={view.needs}
        hasMore={view.needsNext !== null}
        onMore={onMore}
        render={(need) => (
          <EntryCard key={need.id} entry={need}>
            <EntryActions entry={need} act={act} />
            {need.fromHub !== null ? null : need.activeMatchId ? (
              <p className="notice notice-ok">{t('inProgress')}</p>
            ) : need.expired ? null : (
              <section className="suggestions" aria-label={t('suggestions')}>
                <h3>{t('suggestions')}</h3>
                {need.suggestions.length === 0 ? <p>{t('noSuggestions')}</p> : null}
                <ol>
                  {need.suggestions.map((s) => (
                    <li key={s.offer.id} className="suggestion">
                      <EntryCard entry={s.offer} headingLevel={4}>
                        <WhyList why={s.why} />
                        {s.offer.fromHub !== null ? (
                          <p className="entry-owner">{t('otherHubActions', { hub: s.offer.fromHub })}</p>
                        ) : (
                          <button
                            type="button"
                            className="button button-primary"
                            onClick={() => void act(() => propose.call({ needId: need.id, offerId: s.offer.id }))}
                          >
                            {t('propose')}
                          </button>
                        )}
                      </EntryCard>
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </EntryCard>
        )}
      />
    </section>
  );
}
