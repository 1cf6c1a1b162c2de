import { useTranslation } from 'react-i18next';
import { formatWeight, toGrams, type WeightUnit } from '../../shared/reports/weight';
import { isolate } from '../../shared/slips/bidi';
import { NumberField } from '../kiosk/NumberField';

interface Props {
  label: string;
  /** As typed, in the site's unit. */
  value: string;
  onChange(value: string): void;
  unit: WeightUnit;
  id?: string;
}

/** What typed text weighs in grams; null while it is empty or half-typed. Range checks are core's. */
export function typedGrams(value: string, unit: WeightUnit): number | null {
  const n = Number(value);
  return value.trim() === '' || !Number.isFinite(n) ? null : toGrams(n, unit);
}

/**
 * A weight typed on the number pad as the scale shows it, in the site's unit, with the other
 * unit beside it ("12.5 kg (27.6 lb)") for a scale or a food bank that counts the other way.
 */
export function WeightField({ label, value, onChange, unit, id }: Props) {
  const { t, i18n } = useTranslation('weights');
  const grams = typedGrams(value, unit);
  return (
    <div className="weight-field">
      <NumberField
        {...(id ? { id } : {})}
        label={t('field.label', { label, unit: t(`unit.${unit}`) })}
        value={value}
        onChange={onChange}
        min={0}
        step={0.5}
        decimal
      />
      {/* Isolated, not a left-to-right box: it keeps its order and still sits under the field in Arabic. */}
      <output className="inv-muted">{grams !== null ? isolate(formatWeight(grams, unit, i18n.language)) : ''}</output>
    </div>
  );
}
