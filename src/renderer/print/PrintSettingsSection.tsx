import { useTranslation } from 'react-i18next';
import { PRINT_MODES, type PrintMode } from '../../shared/api/channels/printing';
import { PAPERS } from '../../shared/slips/paper';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';
import { PAPER_LABEL } from './PaperPicker';

const MODE_LABEL: Record<PrintMode, string> = { auto: 'settings.auto', ask: 'settings.ask', screen: 'settings.screen' };

/** How a visitor's slip is printed at intake: mode, paper and printer, all by tapping. */
export function PrintSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('print');
  const stored = useApiQuery('print.settings', {});
  // null where the shell cannot name printers, and when it could not say: the browser's dialog picks.
  const printers = useApiQuery('shell.printers', {}).data ?? null;
  // The coordinator's edits, over what is stored, until saved.
  const editing = useSettingsForm('print.settings_save', { stored: stored.data, toDraft: (s) => s, toInput: (d) => d });
  const { form: settings, change } = editing;
  if (!settings) return <ErrorNotice error={stored.error} />;

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
      <SettingsSaveRow form={editing} savedText={t('settings.saved')} button={{ label: t('settings.save') }} canEdit={canEdit} />
    </section>
  );
}
