import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteStatus } from '../../shared/domain/site';
import { useApiFetch, useApiMutation, useApiQuery } from '../api/query';
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
  const read = useApiFetch();
  const id = useId();
  const [folder, setFolder] = useState('');
  // The backups in the folder last looked in; the list stays while the next look reads.
  const [looked, setLooked] = useState<string | null>(null);
  const listing = useApiQuery('exchange.restore_files', { folder: looked ?? '' }, { enabled: looked !== null, keepPrevious: true });
  const files = looked !== null ? (listing.data ?? null) : null;
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const restoring = useApiMutation('exchange.restore_backup');
  const busy = restoring.pending;

  const look = async () => {
    restoring.reset();
    setLooked(folder);
    // Asked again at every tap; the answer chooses the first backup listed.
    const r = await read('exchange.restore_files', { folder });
    if (r.ok) setName(r.value[0]?.name ?? '');
  };
  const restore = async () => {
    const r = await restoring.call({ folder, name, passphrase: pass });
    if (!r.ok) return;
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
      <ErrorNotice error={restoring.error ?? (listing.isFetching ? null : listing.error)} />
    </section>
  );
}
