import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../kiosk/Icon';
import { householdSize } from '../../shared/domain/household';
import type { HouseholdCounts } from './intake-state';

interface HouseholdScreenProps {
  household: HouseholdCounts;
  max: number;
  required: readonly string[];
  onChange(h: HouseholdCounts): void;
}

/** How many people the slip is for. Optional unless the site requires a field; steppers, no typing. */
export function HouseholdScreen({ household, max, required, onChange }: HouseholdScreenProps) {
  const { t } = useTranslation('intake');
  const rows: { key: keyof HouseholdCounts; icon: IconName }[] = [
    { key: 'adults', icon: 'adult' },
    { key: 'children', icon: 'child' },
    { key: 'seniors', icon: 'senior' },
  ];
  return (
    <>
      <p className="lead">{t('household.hint')}</p>
      <div className="steppers">
        {rows.map((r) => (
          <CountStepper
            key={r.key}
            label={t(`household.${r.key}`)}
            icon={r.icon}
            required={required.includes(r.key)}
            value={household[r.key]}
            max={max}
            onChange={(v) => onChange({ ...household, [r.key]: v })}
          />
        ))}
      </div>
      <p className="total" aria-live="polite">
        {t('household.total', { count: householdSize(household) })}
      </p>
    </>
  );
}

interface CountStepperProps {
  label: string;
  icon: IconName;
  required: boolean;
  value: number | null;
  max: number;
  onChange(v: number): void;
}

/** A count picked with big − and + buttons; "–" until the visitor says (− from "–" says 0). */
function CountStepper({ label, icon, required, value, max, onChange }: CountStepperProps) {
  const { t } = useTranslation('common');
  const id = useId();
  return (
    <div className="stepper" role="group" aria-labelledby={id}>
      <span className="stepper-label" id={id}>
        <Icon name={icon} size={44} />
        {label}
        {required ? <span className="required-mark">{t('intake:household.required')}</span> : null}
      </span>
      <div className="stepper-controls">
        <button
          type="button"
          className="round-button"
          aria-label={t('decrease', { label })}
          disabled={value === 0}
          onClick={() => onChange(Math.max(0, (value ?? 1) - 1))}
        >
          −
        </button>
        <output className="stepper-value" aria-live="polite">
          {value ?? '–'}
        </output>
        <button
          type="button"
          className="round-button"
          aria-label={t('increase', { label })}
          disabled={value !== null && value >= max}
          onClick={() => onChange(Math.min(max, (value ?? 0) + 1))}
        >
          +
        </button>
      </div>
    </div>
  );
}
