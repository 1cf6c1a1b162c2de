import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { useApiMutation } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import type { PanelProps } from './panel-props';
import { WhereChooser } from './WhereChooser';
import { formatBytes } from './format';
import { EjectButton } from './EjectButton';

/** The encrypted full backup, and the funders' spreadsheets. */
export function BackupPanel({ folder, onFolder }: PanelProps) {
  const { t, i18n } = useTranslation('exchange');
  // Both write files of this moment where the coordinator chose: nothing to keep in the cache.
  const backingUp = useApiMutation('exchange.export_backup');
  const spreadsheets = useApiMutation('exchange.export_csv');
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const busy = backingUp.pending || spreadsheets.pending;
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<WrittenFile[] | null>(null);

  const run = async (what: 'backup' | 'csv') => {
    // Only the last tap's refusal is shown.
    backingUp.reset();
    spreadsheets.reset();
    setDone(null);
    if (what === 'backup' && pass !== again) return setMismatch(true);
    setMismatch(false);
    const r = what === 'backup' ? await backingUp.call({ folder, passphrase: pass }) : await spreadsheets.call({ folder });
    if (!r.ok) return;
    setDone(Array.isArray(r.value) ? r.value : [r.value]);
    // The passphrase is not kept on screen once it has done its job.
    setPass('');
    setAgain('');
  };

  return (
    <section className="exchange-panel">
      <p className="lead">{t('backup.intro')}</p>
      <WhereChooser folder={folder} onFolder={onFolder} />
      <form
        className="backup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run('backup');
        }}
      >
        <p className="notice notice-warn">{t('backup.warning')}</p>
        <TextField
          id={`${id}-pass`}
          kind="secret"
          autoComplete="new-password"
          label={t('backup.passphrase')}
          maxLength={1024}
          value={pass}
          onChange={setPass}
        />
        <TextField
          id={`${id}-again`}
          kind="secret"
          autoComplete="new-password"
          label={t('backup.again')}
          maxLength={1024}
          value={again}
          onChange={setAgain}
        />
        {mismatch ? (
          <p className="notice notice-error" role="alert">
            {t('backup.mismatch')}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy || folder.trim() === '' || pass === ''}>
          {t('backup.button')}
        </button>
      </form>
      <h2>{t('backup.csvTitle')}</h2>
      <p className="hint">{t('backup.csvIntro')}</p>
      <button type="button" className="button button-secondary" disabled={busy || folder.trim() === ''} onClick={() => void run('csv')}>
        {t('backup.csvButton')}
      </button>
      <ErrorNotice error={backingUp.error ?? spreadsheets.error} />
      {done
        ? done.map((f) => (
            <p key={f.fileName} className="notice notice-ok" role="status">
              {t('export.saved', { file: f.fileName, size: formatBytes(f.bytes, i18n.language) })}
            </p>
          ))
        : null}
      {done ? <EjectButton key={done.map((f) => f.sha256).join()} folder={folder} /> : null}
    </section>
  );
}
