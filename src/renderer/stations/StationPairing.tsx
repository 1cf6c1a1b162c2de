import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorSchema, type ApiError } from '../../shared/api/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import './stations.css';

/**
 * What an unpaired device sees when it opens the hub's address: compare the fingerprint, type the
 * short code. The credential comes back as an HttpOnly cookie the page never sees.
 */
export function StationPairing({ onPaired }: { onPaired(): void }) {
  const { t } = useTranslation('stations');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const pair = async () => {
    setBusy(true);
    try {
      const res = await fetch('/station/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const body = (await res.json()) as { ok: boolean; error?: unknown };
      if (body.ok) return onPaired();
      const parsed = ApiErrorSchema.safeParse(body.error);
      setError(parsed.success ? parsed.data : { code: 'api.internal', message: 'unexpected answer' });
    } catch {
      setError({ code: 'api.unreachable', message: 'the hub did not answer' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="station-pairing">
      <h1>{t('pairTitle')}</h1>
      <p>{t('pairIntro')}</p>
      <p>{t('pairFingerprint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void pair();
        }}
        className="stations-add"
      >
        <TextField
          label={t('code')}
          value={code}
          onChange={(v) => setCode(v.toUpperCase())}
          kind="code"
          dir="ltr"
          maxLength={20}
          autoComplete="off"
        />
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" disabled={busy || code.trim().length < 4}>
          {t('pair')}
        </button>
      </form>
    </main>
  );
}

/** True when this page was served by the hub's stations listener. */
export function isStationPage(doc: Document): boolean {
  return doc.querySelector('meta[name="kiosk-station"]') !== null;
}

/** Whether this station is paired (and not revoked): the hub knows its cookie. */
export async function stationPaired(): Promise<boolean> {
  try {
    const res = await fetch('/station/whoami');
    return res.ok;
  } catch {
    return false;
  }
}
