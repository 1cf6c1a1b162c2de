import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/channel';
import { DIDNT_HAPPEN_REASONS, type BoardEntry, type BoardMatch } from '../../shared/api/channels/board';
import { useApiMutation } from '../api/query';
import { asyncHandler } from '../async-handler';
import { ErrorNotice } from '../components/ErrorNotice';
import { EntryCard } from './EntryCard';
import { WhyList } from './NeedsView';
import { BOARD_CHANGES, type Act } from './act';

/**
 * Contact details, fetched only when the coordinator asks and only for this entry. The
 * channel refuses every other role; the button is not even offered to them.
 */
function Contact({ entry }: { entry: BoardEntry }) {
  const { t } = useTranslation('board');
  // A tap's snapshot, held by this card only: contact details never sit in the shared cache.
  const asking = useApiMutation('board.contact');
  const [contact, setContact] = useState<{ firstName: string | null; phone: string | null } | null>(null);
  if (!entry.hasContact) return <p className="contact">{t('noContact')}</p>;
  if (!contact) {
    return (
      <>
        <button
          type="button"
          className="button button-secondary"
          onClick={asyncHandler(async () => {
            const result = await asking.call({ id: entry.id });
            if (result.ok) setContact(result.value);
          })}
        >
          {t('showContact', { kind: t(`kind.${entry.kind}`) })}
        </button>
        <ErrorNotice error={asking.error} />
      </>
    );
  }
  return (
    <dl className="contact">
      <dt>{t('contactName')}</dt>
      <dd>{contact.firstName ?? '—'}</dd>
      <dt>{t('contactPhone')}</dt>
      <dd dir="ltr">{contact.phone ?? '—'}</dd>
    </dl>
  );
}

function MatchCard({ match, role, act }: { match: BoardMatch; role: Role; act: Act }) {
  const { t } = useTranslation('board');
  const advancing = useApiMutation('board.advance', BOARD_CHANGES);
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState<(typeof DIDNT_HAPPEN_REASONS)[number]>('no_contact');
  const open = match.state === 'suggested' || match.state === 'agreed';
  const advance = (to: 'agreed' | 'done' | 'didnt_happen') =>
    act(() => advancing.call({ matchId: match.id, to, reason: to === 'didnt_happen' ? reason : null }));
  return (
    <article className={`match match-${match.state}`} aria-label={t(`state.${match.state}`)}>
      <h2 className="match-state">
        {t(`state.${match.state}`)}
        {match.reason ? ` · ${t(`reason.${match.reason}`)}` : null}
      </h2>
      <div className="match-sides">
        {[match.need, match.offer].map((side) => (
          <EntryCard key={side.id} entry={side} headingLevel={3}>
            {role === 'coordinator' && open ? <Contact entry={side} /> : null}
          </EntryCard>
        ))}
      </div>
      <WhyList why={match.why} />
      {open ? (
        <div className="entry-actions">
          {match.state === 'suggested' ? (
            <button type="button" className="button button-primary" onClick={() => void advance('agreed')}>
              {t('markAgreed')}
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={() => void advance('done')}>
              {t('markDone')}
            </button>
          )}
          {ending ? (
            <div className="reason-row">
              <label htmlFor={`reason-${match.id}`}>{t('reasonLabel')}</label>
              <select id={`reason-${match.id}`} value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
                {DIDNT_HAPPEN_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`reason.${r}`)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button-secondary" onClick={() => void advance('didnt_happen')}>
                {t('save')}
              </button>
            </div>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setEnding(true)}>
              {t('markDidntHappen')}
            </button>
          )}
        </div>
      ) : null}
    </article>
  );
}

export function MatchesView({ matches, role, act }: { matches: BoardMatch[]; role: Role; act: Act }) {
  const { t } = useTranslation('board');
  return (
    <section aria-label={t('tabs.matches')}>
      <p className="lead">{t('contactRule')}</p>
      {matches.length === 0 ? <p>{t('emptyMatches')}</p> : null}
      <div className="entries">
        {matches.map((m) => (
          <MatchCard key={m.id} match={m} role={role} act={act} />
        ))}
      </div>
    </section>
  );
}
