import { useCallback, useEffect, useState } from 'react';
import { useLive } from '../api/live';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { DayView as Day } from '../../shared/slips/schemas';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { KeysPanel } from './KeysPanel';

function time(iso: string | null, language: string): string {
  return iso ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) : '';
}

/** Today at a glance: slips issued, picked up (in part), cancelled and still to come. */
export function DayView({ onOpen, coordinator }: { onOpen(shortCode: string): void; coordinator: boolean }) {
  const { t, i18n } = useTranslation('pickup');
  const api = useApi();
  const [day, setDay] = useState<Day | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    const result = await api.call('slip.day', {});
    if (result.ok) setDay(result.value);
    else setError(result.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  useLive(['slips'], () => void load());

  if (error) return <ErrorNotice error={error} />;
  if (!day) return null;
  const counts = [
    ['issued', day.issued],
    ['pickedUp', day.pickedUp],
    ['partial', day.partial],
    ['voidedCount', day.voided],
    ['outstanding', day.outstanding],
  ] as const;
  return (
    <section className="day-view" aria-labelledby="day-title">
      <div className="day-head">
        <h2 id="day-title">
          {t('dayTitle', {
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(day.day)),
          })}
        </h2>
        <button type="button" className="button button-quiet" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      <dl className="day-counts">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {day.slips.length === 0 ? (
        <p>{t('noSlips')}</p>
      ) : (
        <table className="day-table">
          <thead>
            <tr>
              <th scope="col">{t('colCode')}</th>
              <th scope="col">{t('colIssued')}</th>
              <th scope="col">{t('colState')}</th>
              <th scope="col">{t('colPickedUp')}</th>
            </tr>
          </thead>
          <tbody>
            {day.slips.map((s) => (
              <tr key={s.id}>
                <td>
                  <button
                    type="button"
                    className="button button-quiet day-code"
                    dir="ltr"
                    translate="no"
                    onClick={() => onOpen(s.shortCode)}
                  >
                    {s.shortCode}
                  </button>
                </td>
                <td>{time(s.issuedAt, i18n.language)}</td>
                <td>{t(`state.${s.state}`)}</td>
                <td>
                  {time(s.pickedUpAt, i18n.language)}
                  {s.table ? ` · ${t('tableLabel')} ${s.table}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {coordinator ? <KeysPanel /> : null}
    </section>
  );
}
