import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TefapTranslations } from '../../shared/reports/report';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';
import { NumberField } from '../kiosk/NumberField';
import { TextField } from '../kiosk/TextField';

interface Draft {
  enabled: boolean;
  declaration: string;
  /** The state's text in the hub's other languages, as entered (empty: none). */
  translations: TefapTranslations;
  /** As typed on the number pad. */
  retentionDays: string;
}

/**
 * TEFAP mode (7 CFR 251.10), opt-in per site and off until a coordinator turns it on here: the
 * state's self-declaration the visitor signs, and how many days records are kept before they
 * are forgotten. Core refuses the mode on without a declaration, and a retention out of range,
 * naming the field; nothing is saved then.
 */
export function TefapSettings({ languages, siteLanguage }: { languages: readonly LocaleCode[]; siteLanguage: LocaleCode }) {
  const { t } = useTranslation('month');
  // The other languages the hub offers: one text at a time, chosen by its language.
  const others = languages.filter((l) => l !== siteLanguage);
  const [other, setOther] = useState<LocaleCode | null>(others[0] ?? null);
  const languageName = (code: LocaleCode) => LOCALES.find((l) => l.code === code)?.name ?? code;
  const stored = useApiQuery('month.tefap_settings', {});
  const editing = useSettingsForm('month.save_tefap_settings', {
    stored: stored.data,
    // The report counts TEFAP households, and the intake asks for the declaration.
    invalidates: ['month.tefap_settings', 'intake.config', 'month.report'],
    toDraft: (s): Draft => ({
      enabled: s.enabled,
      declaration: s.declaration,
      translations: s.translations,
      retentionDays: String(s.retentionDays),
    }),
    toInput: (d) => ({
      enabled: d.enabled,
      declaration: d.declaration,
      translations: d.translations,
      retentionDays: Number(d.retentionDays || 0),
    }),
  });
  const { form, change } = editing;
  if (!form) return <ErrorNotice error={stored.error} />;

  return (
    <section className="month-settings no-print" aria-labelledby="tefap-title">
      <h2 id="tefap-title">{t('tefap.title')}</h2>
      <p className="text-field-hint">{t('tefap.hint')}</p>
      <button type="button" className="toggle" aria-pressed={form.enabled} onClick={() => change({ enabled: !form.enabled })}>
        {t('tefap.enabled')}
      </button>
      <TextField
        label={t('tefap.declaration')}
        hint={t('tefap.declarationHint')}
        value={form.declaration}
        maxLength={4000}
        multiline
        onChange={(declaration) => change({ declaration })}
      />
      {other ? (
        <fieldset className="tefap-translations">
          <legend>{t('tefap.otherLanguages')}</legend>
          <p className="text-field-hint">{t('tefap.otherLanguagesHint')}</p>
          <div className="chip-row" role="group" aria-label={t('tefap.otherLanguages')}>
            {others.map((l) => (
              <button key={l} type="button" className="toggle" lang={l} aria-pressed={other === l} onClick={() => setOther(l)}>
                {languageName(l)}
                {form.translations[l] ? (
                  <>
                    <span aria-hidden="true"> ✓</span>
                    <span className="visually-hidden"> {t('tefap.entered')}</span>
                  </>
                ) : null}
              </button>
            ))}
          </div>
          <TextField
            key={other}
            label={t('tefap.declarationIn', { language: languageName(other) })}
            value={form.translations[other] ?? ''}
            maxLength={4000}
            multiline
            lang={other}
            onChange={(text) => change({ translations: { ...form.translations, [other]: text } })}
          />
        </fieldset>
      ) : null}
      <NumberField
        label={t('tefap.retention')}
        hint={t('tefap.retentionHint')}
        value={form.retentionDays}
        min={0}
        max={3650}
        onChange={(retentionDays) => change({ retentionDays })}
      />
      <div className="month-controls">
        <button type="button" className="button button-primary" disabled={editing.saving.pending} onClick={() => void editing.save()}>
          {t('tefap.save')}
        </button>
      </div>
      <SettingsSaveRow form={editing} savedText={t('saved')} tone="plain" />
    </section>
  );
}
