import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { useApiMutation } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import type { PanelProps } from './panel-props';
import { WhereChooser } from './WhereChooser';
import { formatBytes } from './format';
import { EjectButton } from './EjectButton';

export function ExportPanel({ folder, onFolder }: PanelProps) {
  const { t, i18n } = useTranslation('exchange');
  // A file of this moment, written where the coordinator chose: nothing to keep in the cache.
  const exporting = useApiMutation('exchange.export_share');
  const busy = exporting.pending;
  const [done, setDone] = useState<WrittenFile | null>(null);

  const save = async () => {
    setDone(null);
    const r = await exporting.call({ folder });
    if (r.ok) setDone(r.value);
  };

  return (
    <section className="exchange-panel">
      <p className="lead">{t('export.intro')}</p>
      <WhereChooser folder={folder} onFolder={onFolder} />
      <button type="button" className="button button-primary" disabled={busy || folder.trim() === ''} onClick={() => void save()}>
        {busy ? t('export.working') : t('export.button')}
      </button>
      <ErrorNotice error={exporting.error} />
      {done ? (
        <p className="notice notice-ok" role="status">
          {t('export.saved', { file: done.fileName, size: formatBytes(done.bytes, i18n.language) })}
        </p>
      ) : null}
      {done ? <EjectButton key={done.sha256} folder={folder} /> : null}
    </section>
  );
}
