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
  const { t } = useTranslation('donors');
  const donors: readonly DonorSummary[] = useApiQuery('donors.list', {}).data ?? [];
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
      <NumberField label={t('receive.value')} hint={t('receive.valueHint')} value={value} onChange={onValue} min={0} step={1} decimal />
    </>
  );
}
