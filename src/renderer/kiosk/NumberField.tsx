import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { numberPad } from './keyboard-layouts';
import { Icon } from './Icon';
import { useOnScreen } from './use-onscreen';

interface NumberFieldProps {
  label: string;
  hint?: string;
  /** As typed: '' while empty, '-' or '1.' while a number is being written. */
  value: string;
  onChange(value: string): void;
  min?: number;
  max?: number;
  /** What − and + change it by; 1 unless told. */
  step?: number;
  /** A fraction is allowed (a decimal point key). */
  decimal?: boolean;
  id?: string;
  labelHidden?: boolean;
  required?: boolean;
  onEnter?: () => void;
}

const DISPLAY = { '{bksp}': '⌫' };

/** What a number field accepts while it is being typed: digits, a leading minus, one decimal point. */
export function acceptNumber(text: string, { min, max, decimal }: Pick<NumberFieldProps, 'min' | 'max' | 'decimal'>): boolean {
  const negative = min === undefined || min < 0;
  const pattern = new RegExp(`^${negative ? '-?' : ''}\\d*${decimal ? '(\\.\\d*)?' : ''}$`);
  if (!pattern.test(text)) return false;
  const n = Number(text);
  return text === '' || text === '-' || !Number.isFinite(n) || max === undefined || n <= max;
}

/**
 * A number with an on-screen number pad (and − / + for a nudge). The physical keyboard and a
 * USB keypad keep working. Digits are Western on the pad and in the field in every language, as
 * on the stock labels and the scales.
 */
export function NumberField({
  label,
  hint,
  value,
  onChange,
  min,
  max,
  step = 1,
  decimal = false,
  labelHidden,
  required,
  onEnter,
  ...props
}: NumberFieldProps) {
  const { t } = useTranslation('kiosk');
  const ownId = useId();
  const id = props.id ?? ownId;
  const input = useRef<HTMLInputElement>(null);
  const { wrapper, open, setOpen } = useOnScreen();
  const negative = min === undefined || min < 0;
  const accept = (next: string) => acceptNumber(next, { min, max, decimal });

  const press = (button: string) => {
    if (button === '{bksp}') return onChange(value.slice(0, -1));
    if (button === '-') return onChange(value.startsWith('-') ? value.slice(1) : `-${value}`);
    const next = value === '0' && button !== '.' ? button : value + button;
    if (accept(next)) onChange(next);
  };
  const nudge = (by: number) => {
    const n = (Number(value) || 0) + by;
    const clamped = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, n));
    onChange(String(decimal ? Math.round(clamped * 1000) / 1000 : Math.trunc(clamped)));
  };
  const n = Number(value);

  return (
    <div className={`text-field number-field${labelHidden ? ' text-field-compact' : ''}`} ref={wrapper}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : 'text-field-label'}>
        {label}
      </label>
      {hint ? (
        <p className="text-field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="text-field-row">
        <button
          type="button"
          className="button button-secondary number-step"
          aria-label={t('number.less')}
          disabled={min !== undefined && value !== '' && n <= min}
          onClick={() => nudge(-step)}
        >
          −
        </button>
        <input
          ref={input}
          id={id}
          // A text input, so a half-typed "-" survives; announced as the number it is.
          type="text"
          role="spinbutton"
          aria-valuemin={min}
          aria-valuemax={max}
          aria-valuenow={value !== '' && Number.isFinite(n) ? n : undefined}
          inputMode={decimal ? 'decimal' : 'numeric'}
          dir="ltr"
          autoComplete="off"
          required={required}
          aria-describedby={hint ? `${id}-hint` : undefined}
          value={value}
          onFocus={() => setOpen(true)}
          onChange={(e) => {
            if (accept(e.target.value)) onChange(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onEnter) {
              e.preventDefault();
              onEnter();
            }
          }}
        />
        <button
          type="button"
          className="button button-secondary number-step"
          aria-label={t('number.more')}
          disabled={max !== undefined && value !== '' && n >= max}
          onClick={() => nudge(step)}
        >
          +
        </button>
        <button
          type="button"
          className="button button-secondary keyboard-toggle"
          aria-expanded={open}
          aria-label={open ? t('number.hidePad') : t('number.showPad')}
          onClick={() => {
            setOpen((o) => !o);
            input.current?.focus();
          }}
        >
          <Icon name="keyboard" size={28} />
        </button>
      </div>
      {open ? (
        <div
          className="onscreen-keyboard number-pad"
          aria-hidden="true"
          dir="ltr"
          onMouseDown={(e) => e.preventDefault()}
          onPointerDown={(e) => e.preventDefault()}
        >
          <Keyboard
            layout={{ ...numberPad({ negative, decimal }) }}
            display={DISPLAY}
            onKeyPress={press}
            disableButtonHold
            preventMouseDownDefault
          />
        </div>
      ) : null}
    </div>
  );
}
