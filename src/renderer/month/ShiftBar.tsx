import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Shift } from '../../shared/api/channels/month';
import type { Session } from '../../shared/api/channels/site';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';

type ShiftRow = z.infer<typeof Shift>;

/**
 * "On today" on the volunteer home: who is sharing the load today, and this volunteer's own
 * shift, started and ended with the PIN they just entered.
 */
export function ShiftBar({ session }: { session: Session }) {
  const { t, i18n } = useTranslation('month');
  const read = useApiQuery('shifts.today', {});
  // Each write reads today's shifts again once it succeeds.
  const again = { invalidates: ['shifts.today'] } as const;
  const writes = {
    'shifts.start': useApiMutation('shifts.start', again),
    'shifts.end': useApiMutation('shifts.end', again),
    'shifts.close_day': useApiMutation('shifts.close_day', again),
  };
  // Nobody on shift is shown until today's shifts are read, as before.
  const today: readonly ShiftRow[] = read.data ?? [];
  /** Open shifts the last "Close the day" ended (null: not closed on this screen). */
  const [closed, setClosed] = useState<number | null>(null);
  /** One message at a time: a tap forgets what the previous tap was refused for. */
  const forgetOthers = (channel: keyof typeof writes) => {
    for (const [c, m] of Object.entries(writes)) if (c !== channel) m.reset();
  };
  const error = writes['shifts.start'].error ?? writes['shifts.end'].error ?? writes['shifts.close_day'].error ?? read.error;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });
  const at = (iso: string) => time.format(new Date(iso));
  const mine = today.find((s) => s.name === session.volunteerName && s.endedAt === null);
  const act = async (channel: 'shifts.start' | 'shifts.end') => {
    forgetOthers(channel);
    await writes[channel].call({});
  };
  const closeDay = async () => {
    forgetOthers('shifts.close_day');
    const r = await writes['shifts.close_day'].call({});
    if (r.ok) setClosed(r.value.ended);
  };
  return (
    <section className="shift-bar no-print" aria-labelledby="shift-title">
      <h2 id="shift-title">{t('shifts.onToday')}</h2>
      {today.length === 0 ? <p>{t('shifts.nobody')}</p> : null}
      <ul aria-labelledby="shift-title">
        {today.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>{' '}
            {s.endedAt === null
              ? t('shifts.since', { time: at(s.startedAt) })
              : t('shifts.ended', { from: at(s.startedAt), to: at(s.endedAt) })}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary" onClick={() => void act(mine ? 'shifts.end' : 'shifts.start')}>
        {mine ? t('shifts.end') : t('shifts.start')}
      </button>
      {session.role === 'coordinator' ? (
        <>
          {/* Closing time: every shift still open ends now (core: shifts.close_day), so hours add up. */}
          <button type="button" className="button button-secondary" onClick={() => void closeDay()}>
            {t('shifts.closeDay')}
          </button>
          {closed !== null ? (
            <p className="notice" role="status">
              {t('shifts.closed', { count: closed })}
            </p>
          ) : null}
        </>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
}
