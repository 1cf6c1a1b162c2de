import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_MODES, type PrintMode, type PrintSettings } from '../../shared/api/channels/printing';
import { PAPERS } from '../../shared/slips/paper';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { PAPER_LABEL } from './PaperPicker';

const MODE_LABEL: Record<PrintMode, string> = { auto: 'settings.auto', ask: 'settings.ask', screen: 'settings.screen' };

/** How a visitor's slip is printed at intake: mode, paper and printer, all by tapping. */
export function PrintSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('print');
  const stored = useApiQuery('print.settings', {});
  // null where the shell cannot name printers, and when it could not say: the browser's dialog picks.
  const printers = useApiQuery('shell.printers', {}).data ?? null;
  const saving = useApiMutation('print.settings_save');
  // The coordinator's edits, over what is stored, until saved.
  const [draft, setDraft] = useState<PrintSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const settings = draft ?? stored.data;
  if (!settings) return <ErrorNotice error={stored.error} />;

  const change = (p: Partial<PrintSettings>) => {
    setSaved(false);
    setDraft({ ...settings, ...p });
  };
  const save = async () => {
    const r = await saving.call(settings);
    if (r.ok) {
      setDraft(r.value);
      setSaved(true);
    }
  };

  return (
    <section className="settings-form" aria-labelledby="print-settings-title">
      <h2 id="print-settings-title">{t('settings.title')}</h2>
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('settings.mode')}</legend>
        <div className="toggle-grid">
          {PRINT_MODES.map((m) => (
            <button key={m} type="button" className="toggle" aria-pressed={settings.mode === m} onClick={() => change({ mode: m })}>
              {t(MODE_LABEL[m])}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('paper')}</legend>
        <div className="toggle-grid">
          {PAPERS.map((p) => (
            <button key={p} type="button" className="toggle" aria-pressed={settings.paper === p} onClick={() => change({ paper: p })}>
              {t(PAPER_LABEL[p])}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('printer')}</legend>
        {printers ? (
          <div className="toggle-grid">
            {[null, ...printers.map((p) => p.name)].map((name) => (
              <button
                key={name ?? ''}
                type="button"
                className="toggle"
                aria-pressed={settings.printer === name}
                onClick={() => change({ printer: name })}
              >
                {name === null ? t('systemDefault') : (printers.find((p) => p.name === name)?.displayName ?? name)}
              </button>
            ))}
          </div>
        ) : (
          <small>{t('settings.browserPrinter')}</small>
        )}
      </fieldset>
      <ErrorNotice error={saving.error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
      {canEdit ? (
        <button type="button" className="button button-primary" onClick={() => void save()}>
          {t('settings.save')}
        </button>
      ) : null}
    </section>
  );
}
