import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { SlipView } from '../../shared/domain/slip';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import type { SectionProps } from './sections';

function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The pickup table: a scanned QR (the scanner types digits + Enter) or a typed short code. */
export function PickupSection(_props: SectionProps) {
  const { t, i18n } = useTranslation('pickup');
  const api = useApi();
  const [code, setCode] = useState('');
  const [slip, setSlip] = useState<SlipView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  const find = async () => {
    setError(null);
    setDone(false);
    const result = await api.call('slip.lookup', { code });
    if (result.ok) setSlip(result.value);
    else {
      setSlip(null);
      setError(result.error);
    }
  };
  const redeem = async () => {
    if (!slip) return;
    const result = await api.call('slip.redeem', { slipId: slip.id, table: '1' });
    if (result.ok) {
      setSlip(result.value);
      setDone(true);
      setCode('');
    } else setError(result.error);
  };

  const status = slip?.status;
  return (
    <>
      <h1>{t('title')}</h1>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <label htmlFor="slip-code">{t('codeLabel')}</label>
        <div className="lookup-row">
          <input id="slip-code" value={code} autoComplete="off" autoFocus onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="button button-primary" disabled={code.trim() === ''}>
            {t('find')}
          </button>
        </div>
      </form>
      <ErrorNotice error={error} />
      {slip && status ? (
        <section className="pickup-slip" aria-label={t('slipFound')}>
          <p className="slip-code" dir="ltr" translate="no">
            {slip.shortCode}
          </p>
          <p>{t('household', { count: slip.householdSize })}</p>
          {slip.lines.length > 0 ? (
            <ul className="slip-lines">
              {slip.lines.map((l) => (
                <li key={l.itemId}>
                  {l.qty} × {l.name}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noItems')}</p>
          )}
          {status.state === 'issued' ? (
            <button type="button" className="button button-primary" onClick={() => void redeem()}>
              {t('markPickedUp')}
            </button>
          ) : null}
          {status.state === 'redeemed' ? (
            <p className={done ? 'notice notice-ok' : 'notice notice-error'} role="status">
              {done ? t('pickedUpNow') : t('alreadyPickedUp', { time: formatTime(status.at, i18n.language), table: status.table ?? '—' })}
            </p>
          ) : null}
          {status.state === 'expired' ? <p className="notice notice-error">{t('errors:slip.expired', { validUntil: slip.validUntil })}</p> : null}
          {status.state === 'void' ? <p className="notice notice-error">{t('errors:slip.void')}</p> : null}
        </section>
      ) : null}
    </>
  );
}
