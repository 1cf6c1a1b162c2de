import { useTranslation } from 'react-i18next';
import type { DayView as DayData } from '../../shared/slips/schemas';
import { Loaded, useApiQuery } from '../api/query';
import { KeysPanel } from './KeysPanel';

function time(iso: string | null, language: string): string {
  return iso ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) : '';
}

/** Today at a glance: slips issued, picked up (in part), cancelled and still to come. */
export function DayView({ onOpen, coordinator }: { onOpen(shortCode: string): void; coordinator: boolean }) {
  // Live: a slip issued, picked up or cancelled at another table counts here at once.
  const day = useApiQuery('slip.day', {}, { live: ['slips'] });
  return (
    <Loaded query={day}>
      {(data) => <Day day={data} onOpen={onOpen} coordinator={coordinator} onRefresh={() => void day.refetch()} />}
    </Loaded>
  );
}

function Day({
  day,
  onOpen,
  coordinator,
  onRefresh,
}: {
  day: DayData;
  onOpen(shortCode: string): void;
  coordinator: boolean;
  onRefresh(): void;
}) {
  const { t, i18n } = useTranslation('pickup');
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
        <button type="button" className="button button-quiet" onClick={onRefresh}>
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
