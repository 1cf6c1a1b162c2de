import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import type { PanelProps } from './panel-props';
import { WhereChooser } from './WhereChooser';
import { formatBytes } from './format';
import { EjectButton } from './EjectButton';

export function ExportPanel({ folder, onFolder }: PanelProps) {
  const { t, i18n } = useTranslation('exchange');
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<WrittenFile | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async () => {
    setBusy(true);
    setDone(null);
    setError(null);
    const r = await api.call('exchange.export_share', { folder });
    setBusy(false);
    if (r.ok) setDone(r.value);
    else setError(r.error);
  };

  return (
    <section className="exchange-panel">
      <p className="lead">{t('export.intro')}</p>
      <WhereChooser folder={folder} onFolder={onFolder} />
      <button type="button" className="button button-primary" disabled={busy || folder.trim() === ''} onClick={() => void save()}>
        {busy ? t('export.working') : t('export.button')}
      </button>
      <ErrorNotice error={error} />
      {done ? (
        <p className="notice notice-ok" role="status">
          {t('export.saved', { file: done.fileName, size: formatBytes(done.bytes, i18n.language) })}
        </p>
      ) : null}
      {done ? <EjectButton key={done.sha256} folder={folder} /> : null}
    </section>
  );
}
