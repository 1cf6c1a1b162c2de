import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_DAY_CHOICES, HOUSEHOLD_FIELDS, type KioskConfig } from '../../shared/api/channels/intake';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';
import { PrintSettingsSection } from '../print/PrintSettingsSection';
import { QueueModeSection } from '../stations/QueueModeSection';
import type { SectionProps } from '../volunteer/section-props';
import '../styles/intake.css';

/** The coordinator's kiosk settings: languages and their order, idle time, required fields, returning visitors. */
export function KioskSettingsSection({ session }: SectionProps) {
  const { t } = useTranslation('setup');
  const stored = useApiQuery('intake.settings_get', {});
  // The coordinator's edits, over what is stored, until saved.
  const editing = useSettingsForm('intake.settings_save', {
    stored: stored.data,
    toDraft: (s): KioskConfig => s,
    toInput: (c) => ({
      languages: c.languages,
      idleSeconds: c.idleSeconds,
      requiredFields: c.requiredFields,
      returningVisitors: c.returningVisitors,
      contactDays: c.contactDays,
    }),
  });
  const canEdit = session.role === 'coordinator';
  const { form: config, change } = editing;
  if (!config) return <ErrorNotice error={stored.error} />;

  const move = (code: LocaleCode, by: number) => {
    const list = [...config.languages];
    const i = list.indexOf(code);
    const j = i + by;
    if (i < 0 || j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j] as LocaleCode, list[i] as LocaleCode];
    change({ languages: list });
  };
  const toggleLanguage = (code: LocaleCode) =>
    change({
      languages: config.languages.includes(code) ? config.languages.filter((l) => l !== code) : [...config.languages, code],
    });
  const offered = config.languages.map((c) => LOCALES.find((l) => l.code === c)).filter((l) => l !== undefined);
  const others = LOCALES.filter((l) => !config.languages.includes(l.code));

  return (
    <section className="settings-form" aria-labelledby="kiosk-settings-title">
      <h1 id="kiosk-settings-title">{t('settings.title')}</h1>
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('settings.languages')}</legend>
        <small>{t('settings.languagesHint')}</small>
        <ol className="order-list">
          {offered.map((l, i) => (
            <li key={l.code} className="order-row">
              <button type="button" className="toggle" aria-pressed="true" lang={l.code} dir={l.dir} onClick={() => toggleLanguage(l.code)}>
                {l.name}
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('settings.moveUp', { language: l.name })}
                disabled={i === 0}
                onClick={() => move(l.code, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('settings.moveDown', { language: l.name })}
                disabled={i === offered.length - 1}
                onClick={() => move(l.code, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <div className="toggle-grid">
          {others.map((l) => (
            <button
              key={l.code}
              type="button"
              className="toggle"
              aria-pressed="false"
              lang={l.code}
              dir={l.dir}
              onClick={() => toggleLanguage(l.code)}
            >
              {l.name}
            </button>
          ))}
        </div>
      </fieldset>
      <IdleSeconds value={config.idleSeconds} onChange={(idleSeconds) => change({ idleSeconds })} />
      <fieldset className="field" disabled={!canEdit}>
        <legend>{t('settings.required')}</legend>
        <small>{t('settings.requiredHint')}</small>
        <div className="toggle-grid">
          {HOUSEHOLD_FIELDS.map((f) => (
            <button
              key={f}
              type="button"
              className="toggle"
              aria-pressed={config.requiredFields.includes(f)}
              onClick={() =>
                change({
                  requiredFields: config.requiredFields.includes(f)
                    ? config.requiredFields.filter((x) => x !== f)
                    : [...config.requiredFields, f],
                })
              }
            >
              {t(`intake:household.${f}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <button
        type="button"
        className="toggle"
        aria-pressed={config.returningVisitors}
        disabled={!canEdit}
        onClick={() => change({ returningVisitors: !config.returningVisitors })}
      >
        {t('settings.returning')}
      </button>
      <label className="field">
        <span>{t('settings.contactDays')}</span>
        <select value={config.contactDays} disabled={!canEdit} onChange={(e) => change({ contactDays: Number(e.target.value) })}>
          {[...new Set([...CONTACT_DAY_CHOICES, config.contactDays])]
            .sort((a, b) => a - b)
            .map((d) => (
              <option key={d} value={d}>
                {t('settings.days', { count: d })}
              </option>
            ))}
        </select>
      </label>
      <SettingsSaveRow
        form={editing}
        savedText={t('settings.saved')}
        button={{ label: t('settings.save') }}
        canEdit={canEdit}
        readOnly={t('settings.coordinatorOnly')}
      />
      <PrintSettingsSection canEdit={canEdit} />
      <QueueModeSection canEdit={canEdit} />
    </section>
  );
}

const IDLE_STEP = 15;

/** Idle time in steps of 15 seconds between 30 s and 10 min: a few taps, not a hundred. */
function IdleSeconds({ value, onChange }: { value: number; onChange(v: number): void }) {
  const { t } = useTranslation('setup');
  const id = useId();
  const label = t('settings.idleSeconds');
  return (
    <div className="stepper" role="group" aria-labelledby={id}>
      <span className="stepper-label" id={id}>
        {label}
      </span>
      <div className="stepper-controls">
        <button
          type="button"
          className="round-button"
          aria-label={t('common:decrease', { label })}
          disabled={value <= 30}
          onClick={() => onChange(Math.max(30, value - IDLE_STEP))}
        >
          −
        </button>
        <output className="stepper-value">{value}</output>
        <button
          type="button"
          className="round-button"
          aria-label={t('common:increase', { label })}
          disabled={value >= 600}
          onClick={() => onChange(Math.min(600, value + IDLE_STEP))}
        >
          +
        </button>
      </div>
    </div>
  );
}
