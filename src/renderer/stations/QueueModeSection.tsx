import { useTranslation } from 'react-i18next';
import { QUEUE_MODES } from '../../shared/api/channels/queue';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';

/**
 * The order the pickup table calls numbers in: arrival order, or a lottery drawn when the queue
 * opens (so "who was first" is not fought over at the door). The site chooses; it takes effect
 * from the next opening.
 */
export function QueueModeSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('stations');
  const stored = useApiQuery('queue.now_serving', {});
  // A mode is saved the moment it is tapped, and shows once saved.
  const editing = useSettingsForm('queue.set_mode', {
    stored: stored.data,
    invalidates: ['queue.now_serving'],
    toDraft: (s) => s.mode,
    toInput: (mode) => ({ mode }),
  });
  const mode = editing.form;

  if (!mode) return <ErrorNotice error={stored.error} />;
  return (
    <section className="settings-form" aria-labelledby="queue-mode-title">
      <h2 id="queue-mode-title">{t('queueMode.title')}</h2>
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('queueMode.legend')}</legend>
        <div className="toggle-grid">
          {QUEUE_MODES.map((m) => (
            <button key={m} type="button" className="toggle" aria-pressed={mode === m} onClick={() => void editing.save(m)}>
              {t(`queueMode.${m}`)}
            </button>
          ))}
        </div>
        <small>{t(`queueMode.${mode}Hint`)}</small>
      </fieldset>
      <SettingsSaveRow form={editing} savedText={t('queueMode.saved')} />
    </section>
  );
}
