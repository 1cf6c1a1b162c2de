import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DonorSummary } from '../../shared/api/channels/donors';
import { useApiQuery } from '../api/query';
import { NumberField } from '../kiosk/NumberField';

/** Typed money to whole cents; null while empty. Range checks are core's (month.bad_value). */
export function typedCents(value: string): number | null {
  const n = Number(value);
  return value.trim() === '' || !Number.isFinite(n) ? null : Math.round(n * 100);
}

interface Props {
  donorId: string;
  onDonor(id: string): void;
  value: string;
  onValue(value: string): void;
}

/** Who gave a receipt (from the donor list; optional) and what it is worth in kind (optional). */
export function ReceiptFields({ donorId, onDonor, value, onValue }: Props) {
  const { t, i18n } = useTranslation('donors');
  const donors: readonly DonorSummary[] = useApiQuery('donors.list', {}).data ?? [];
  // The value is typed in the site's currency (Month settings), named in the volunteer's language.
  const currency = useApiQuery('donors.currency', {}).data?.currency ?? null;
  const currencyName = currency ? (new Intl.DisplayNames(i18n.language, { type: 'currency' }).of(currency) ?? currency) : null;
  // Labelled by id, not by wrapping: a wrapping label would make every donor's name part of the list's name.
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t('receive.donor')}</label>
        <select id={id} value={donorId} onChange={(e) => onDonor(e.target.value)}>
          <option value="">{t('receive.noDonor')}</option>
          {donors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        label={currencyName ? t('receive.valueIn', { currency: currencyName }) : t('receive.value')}
        hint={t('receive.valueHint')}
        value={value}
        onChange={onValue}
        min={0}
        step={1}
        decimal
      />
    </>
  );
}
