import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/query';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';

/**
 * The currency in-kind values are counted in: a donor's receipt then says "$20.00" or "20,00 €"
 * in the donor's language, not a bare amount. Every currency the system knows, named in the
 * coordinator's language; none chosen keeps plain amounts.
 */
export function CurrencySettings() {
  const { t, i18n } = useTranslation('month');
  const id = useId();
  const stored = useApiQuery('month.settings', {});
  const editing = useSettingsForm('month.save_settings', {
    stored: stored.data,
    // The receiving form names it beside the in-kind value.
    invalidates: ['month.settings', 'donors.currency'],
    toDraft: (s) => s.currency ?? '',
    toInput: (currency, s) => ({ ...s, currency: currency === '' ? null : currency }),
  });
  const choices = useMemo(() => {
    const names = new Intl.DisplayNames(i18n.language, { type: 'currency', fallback: 'code' });
    return Intl.supportedValuesOf('currency').map((code) => ({ code, name: names.of(code) ?? code }));
  }, [i18n.language]);
  const currency = editing.form;
  if (currency === undefined) return null;

  return (
    <section className="month-settings no-print" aria-labelledby="currency-title">
      <h2 id="currency-title">{t('currency.title')}</h2>
      <p className="text-field-hint">{t('currency.hint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('currency.label')}</label>
        <select id={id} value={currency} onChange={(e) => editing.set(e.target.value)}>
          <option value="">{t('currency.none')}</option>
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {t('currency.choice', { code: c.code, name: c.name })}
            </option>
          ))}
        </select>
      </div>
      <div className="month-controls">
        <button type="button" className="button button-primary" disabled={editing.saving.pending} onClick={() => void editing.save()}>
          {t('currency.save')}
        </button>
      </div>
      <SettingsSaveRow form={editing} savedText={t('saved')} tone="plain" />
    </section>
  );
}
