import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface StepperProps {
  label: string;
  icon?: string;
  value: number;
  min?: number;
  max?: number;
  onChange(value: number): void;
}

/** A number picked with big − and + buttons: no typing, no tiny arrows. */
export function Stepper({ label, icon, value, min = 0, max = 20, onChange }: StepperProps) {
  const { t } = useTranslation('common');
  const id = useId();
  return (
    <div className="stepper" role="group" aria-labelledby={id}>
      <span className="stepper-label" id={id}>
        {icon ? (
          <span aria-hidden="true" className="stepper-icon">
            {icon}
          </span>
        ) : null}
        {label}
      </span>
      <div className="stepper-controls">
        <button
          type="button"
          className="round-button"
          aria-label={t('decrease', { label })}
          disabled={value <= min}
          onClick={() => onChange(Math.max(min, value - 1))}
        >
          −
        </button>
        <output className="stepper-value" aria-live="polite">
          {value}
        </output>
        <button
          type="button"
          className="round-button"
          aria-label={t('increase', { label })}
          disabled={value >= max}
          onClick={() => onChange(Math.min(max, value + 1))}
        >
          +
        </button>
      </div>
    </div>
  );
}
