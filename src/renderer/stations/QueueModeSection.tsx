import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_MODES, type QueueMode } from '../../shared/api/channels/queue';
import type { ApiError } from '../../shared/api/errors';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';

/**
 * The order the pickup table calls numbers in: arrival order, or a lottery drawn when the queue
 * opens (so "who was first" is not fought over at the door). The site chooses; it takes effect
 * from the next opening.
 */
export function QueueModeSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('stations');
  const api = useApi();
  const [mode, setMode] = useState<QueueMode | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void api.call('queue.now_serving', {}).then((r) => (r.ok ? setMode(r.value.mode) : setError(r.error)));
  }, [api]);

  const choose = async (next: QueueMode) => {
    setSaved(false);
    const r = await api.call('queue.set_mode', { mode: next });
    if (!r.ok) return setError(r.error);
    setError(null);
    setMode(r.value.mode);
    setSaved(true);
  };

  if (!mode) return <ErrorNotice error={error} />;
  return (
    <section className="settings-form" aria-labelledby="queue-mode-title">
      <h2 id="queue-mode-title">{t('queueMode.title')}</h2>
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('queueMode.legend')}</legend>
        <div className="toggle-grid">
          {QUEUE_MODES.map((m) => (
            <button key={m} type="button" className="toggle" aria-pressed={mode === m} onClick={() => void choose(m)}>
              {t(`queueMode.${m}`)}
            </button>
          ))}
        </div>
        <small>{t(`queueMode.${mode}Hint`)}</small>
      </fieldset>
      <ErrorNotice error={error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('queueMode.saved')}
        </p>
      ) : null}
    </section>
  );
}
