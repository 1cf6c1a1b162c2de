import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { isAppStation, pairStation } from '../api/station';
import './stations.css';

/**
 * What an unpaired device sees when it opens the hub's address: compare the fingerprint, type the
 * short code. The credential comes back as an HttpOnly cookie the page never sees. An app station
 * (another install started with --station) shows it too, served by its own loopback host, which
 * keeps the credential.
 */
export function StationPairing({ onPaired, revoked = false }: { onPaired(): void; revoked?: boolean }) {
  const { t } = useTranslation('stations');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [appStation] = useState(() => isAppStation(document));

  const pair = async () => {
    setBusy(true);
    const refused = await pairStation(code);
    setBusy(false);
    if (refused) setError(refused);
    else onPaired();
  };

  return (
    <main className="station-pairing">
      <h1>{t('pairTitle')}</h1>
      {/* Removed by the coordinator while in use: said first, then how to pair again. */}
      {revoked && !error ? <ErrorNotice error={{ code: 'stations.revoked', message: 'revoked' }} /> : null}
      <p>{t('pairIntro')}</p>
      {/* A browser shows the certificate for a person to compare; an app station pinned it from its link. */}
      <p>{appStation ? t('pairPinned') : t('pairFingerprint')}</p>
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
