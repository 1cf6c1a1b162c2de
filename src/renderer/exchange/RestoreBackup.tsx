import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { BundleFile } from '../../shared/api/channels/exchange';
import type { SiteStatus } from '../../shared/domain/site';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { WhereChooser } from './WhereChooser';
import '../styles/exchange.css';

/**
 * On the first-run screen: bring a hub over from its encrypted backup instead of starting anew.
 * Listing files needs no PIN here only because core refuses to restore over an existing hub.
 */
export function RestoreBackup({ onDone }: { onDone(status: SiteStatus): void }) {
  const { t } = useTranslation('exchange');
  const api = useApi();
  const id = useId();
  const [folder, setFolder] = useState('');
  const [files, setFiles] = useState<BundleFile[] | null>(null);
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const look = async () => {
    setError(null);
    const r = await api.call('exchange.restore_files', { folder });
    if (!r.ok) return setError(r.error);
    setFiles(r.value);
    setName(r.value[0]?.name ?? '');
  };
  const restore = async () => {
    setBusy(true);
    setError(null);
    const r = await api.call('exchange.restore_backup', { folder, name, passphrase: pass });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setPass('');
    onDone(r.value);
  };

  return (
    <section className="restore exchange-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.restoreTitle')}</h2>
      <p className="hint">{t('backup.restoreIntro')}</p>
      <WhereChooser folder={folder} onFolder={setFolder} />
      <button type="button" className="button button-secondary" disabled={folder.trim() === ''} onClick={() => void look()}>
        {t('import.look')}
      </button>
      {files ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void restore();
          }}
        >
          {files.length === 0 ? <p className="hint">{t('import.none')}</p> : null}
          <fieldset className="where">
            <legend>{t('backup.restoreFile')}</legend>
            {files.map((f) => (
              <label key={f.name} className="drive">
                <input type="radio" name={`${id}-file`} checked={name === f.name} onChange={() => setName(f.name)} />
                <span dir="ltr" translate="no">
                  {f.name}
                </span>
              </label>
            ))}
          </fieldset>
          <TextField id={`${id}-pass`} kind="secret" label={t('backup.passphrase')} maxLength={1024} value={pass} onChange={setPass} />
          <button type="submit" className="button button-primary" disabled={busy || name === '' || pass === ''}>
            {t('backup.restoreButton')}
          </button>
        </form>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
}
