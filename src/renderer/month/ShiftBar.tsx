import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Shift } from '../../shared/api/channels/month';
import type { ApiError } from '../../shared/api/errors';
import type { Session } from '../../shared/api/channels/site';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';

type ShiftRow = z.infer<typeof Shift>;

/**
 * "On today" on the volunteer home: who is sharing the load today, and this volunteer's own
 * shift, started and ended with the PIN they just entered.
 */
export function ShiftBar({ session }: { session: Session }) {
  const { t, i18n } = useTranslation('month');
  const api = useApi();
  const [today, setToday] = useState<ShiftRow[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  /** Open shifts the last "Close the day" ended (null: not closed on this screen). */
  const [closed, setClosed] = useState<number | null>(null);
  const load = useCallback(() => {
    void api.call('shifts.today', {}).then((r) => (r.ok ? setToday(r.value) : setError(r.error)));
  }, [api]);
  useEffect(load, [load]);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });
  const at = (iso: string) => time.format(new Date(iso));
  const mine = today.find((s) => s.name === session.volunteerName && s.endedAt === null);
  const act = async (channel: 'shifts.start' | 'shifts.end') => {
    const r = await api.call(channel, {});
    if (!r.ok) return setError(r.error);
    setError(null);
    load();
  };
  const closeDay = async () => {
    const r = await api.call('shifts.close_day', {});
    if (!r.ok) return setError(r.error);
    setError(null);
    setClosed(r.value.ended);
    load();
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
