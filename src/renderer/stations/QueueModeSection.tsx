import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_MODES, type QueueMode } from '../../shared/api/channels/queue';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';

/**
 * The order the pickup table calls numbers in: arrival order, or a lottery drawn when the queue
 * opens (so "who was first" is not fought over at the door). The site chooses; it takes effect
 * from the next opening.
 */
export function QueueModeSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('stations');
  const stored = useApiQuery('queue.now_serving', {});
  const saving = useApiMutation('queue.set_mode', { invalidates: ['queue.now_serving'] });
  // The mode the last save answered with, over what was read.
  const [chosen, setChosen] = useState<QueueMode | null>(null);
  const [saved, setSaved] = useState(false);
  const mode = chosen ?? stored.data?.mode;

  const choose = async (next: QueueMode) => {
    setSaved(false);
    const r = await saving.call({ mode: next });
    if (!r.ok) return;
    setChosen(r.value.mode);
    setSaved(true);
  };

  if (!mode) return <ErrorNotice error={stored.error} />;
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
      <ErrorNotice error={saving.error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('queueMode.saved')}
        </p>
      ) : null}
    </section>
  );
}
