import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WeightUnit } from '../../shared/reports/weight';
import { useApiQuery } from '../api/query';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';

interface Draft {
  weightUnit: WeightUnit;
  /** An ISO 4217 code; '' for none. */
  currency: string;
}

/**
 * How the hub counts what comes in and goes out: weights in kilograms or pounds (as its food
 * bank reports them: the scale field, the report, the charts and the receipts all follow), and
 * in-kind values in a currency (a donor's receipt then says "$20.00" or "20,00 €" in the donor's
 * language, not a bare amount). Every currency the system knows, named in the coordinator's
 * language; none chosen keeps plain amounts.
 */
export function CountingSettings() {
  const { t, i18n } = useTranslation('month');
  const id = useId();
  const stored = useApiQuery('month.settings', {});
  const editing = useSettingsForm('month.save_settings', {
    stored: stored.data,
    // The report and charts count in the unit, the stock room weighs in it, the receiving form names the currency.
    invalidates: ['month.settings', 'month.report', 'month.charts', 'weights.unit', 'donors.currency'],
    toDraft: (s): Draft => ({ weightUnit: s.weightUnit, currency: s.currency ?? '' }),
    toInput: (d, s) => ({ ...s, weightUnit: d.weightUnit, currency: d.currency === '' ? null : d.currency }),
  });
  const choices = useMemo(() => {
    const names = new Intl.DisplayNames(i18n.language, { type: 'currency', fallback: 'code' });
    return Intl.supportedValuesOf('currency').map((code) => ({ code, name: names.of(code) ?? code }));
  }, [i18n.language]);
  const { form, change } = editing;
  if (!form) return null;

  return (
    <section className="month-settings no-print" aria-labelledby="counting-title">
      <h2 id="counting-title">{t('units.title')}</h2>
      <p className="text-field-hint">{t('units.hint')}</p>
      <div className="chip-row" role="group" aria-label={t('units.weight')}>
        {WeightUnit.options.map((u) => (
          <button key={u} type="button" className="toggle" aria-pressed={form.weightUnit === u} onClick={() => change({ weightUnit: u })}>
            {t(`units.${u}`)}
          </button>
        ))}
      </div>
      <p className="text-field-hint">{t('currency.hint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('currency.label')}</label>
        <select id={id} value={form.currency} onChange={(e) => change({ currency: e.target.value })}>
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
          {t('units.save')}
        </button>
      </div>
      <SettingsSaveRow form={editing} savedText={t('saved')} tone="plain" />
    </section>
  );
}
