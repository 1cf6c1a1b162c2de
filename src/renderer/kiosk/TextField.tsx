import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { layoutFor, PHONE_LAYOUT, PIN_LAYOUT, pinyinCandidates, SHORT_CODE_LAYOUT, type KeyboardLayout } from './keyboard-layouts';
import { Icon } from './Icon';

interface TextFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  kind?: 'text' | 'phone' | 'code' | 'pin';
  /** A scanner types the code and Enter: submit on Enter. */
  onEnter?: () => void;
  autoFocus?: boolean;
  required?: boolean;
}

// Symbols, not words: they read the same in every language.
const DISPLAY = { '{bksp}': '⌫', '{shift}': '⇧', '{space}': ' ' };

/**
 * A text field with an on-screen keyboard in the visitor's script. The keyboard opens when the
 * field is focused; the physical keyboard (or a USB scanner) keeps working alongside it.
 */
export function TextField({ label, hint, value, onChange, maxLength, kind = 'text', onEnter, autoFocus, required }: TextFieldProps) {
  const { t, i18n } = useTranslation('kiosk');
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(false);
  const layout: KeyboardLayout = kind === 'phone' ? PHONE_LAYOUT : kind === 'pin' ? PIN_LAYOUT : kind === 'code' ? SHORT_CODE_LAYOUT : layoutFor(i18n.language);

  const { pinyin, characters } = kind === 'text' ? pinyinCandidates(i18n.language, value) : { pinyin: '', characters: [] };
  const pick = (character: string) => onChange(value.slice(0, value.length - pinyin.length) + character);

  const press = (button: string) => {
    if (button === '{shift}') return setShift((s) => !s);
    if (button === '{bksp}') return onChange(value.slice(0, -1));
    const ch = button === '{space}' ? ' ' : button;
    if (value.length < maxLength) onChange(value + ch);
    if (shift) setShift(false);
  };
  // The keyboard stays until another text field takes focus or it is hidden: closing it on every
  // blur would shift the page under a finger mid-tap and the tap would land somewhere else.
  useEffect(() => {
    if (!open) return;
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLInputElement && !wrapper.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [open]);

  return (
    <div className="text-field" ref={wrapper}>
      <label htmlFor={id} className="text-field-label">
        {label}
      </label>
      {hint ? (
        <p className="text-field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="text-field-row">
        <input
          id={id}
          ref={input}
          value={value}
          maxLength={maxLength}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          required={required}
          aria-describedby={hint ? `${id}-hint` : undefined}
          type={kind === 'pin' ? 'password' : 'text'}
          dir={kind === 'text' ? 'auto' : 'ltr'}
          inputMode={kind === 'phone' ? 'tel' : kind === 'pin' ? 'numeric' : 'text'}
          onFocus={() => setOpen(true)}
          onChange={(e) => onChange(e.target.value.slice(0, maxLength))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onEnter) {
              e.preventDefault();
              onEnter();
            }
          }}
        />
        <button
          type="button"
          className="button button-secondary keyboard-toggle"
          aria-expanded={open}
          aria-label={open ? t('keyboard.hide') : t('keyboard.show')}
          onClick={() => {
            setOpen((o) => !o);
            input.current?.focus();
          }}
        >
          <Icon name="keyboard" size={32} />
        </button>
      </div>
      {open ? (
        // Keeps focus in the field while keys are tapped; the keys repeat what the physical keyboard does.
        <div
          className="onscreen-keyboard"
          aria-hidden="true"
          // Keys sit where they do on a physical keyboard of that script (ض top-left), whatever the page direction.
          dir="ltr"
          onMouseDown={(e) => e.preventDefault()}
          onPointerDown={(e) => e.preventDefault()}
        >
          {characters.length > 0 ? (
            <div className="keyboard-candidates" lang="zh-Hans">
              {characters.map((c) => (
                <button key={c} type="button" tabIndex={-1} className="keyboard-candidate" onClick={() => pick(c)}>
                  {c}
                </button>
              ))}
            </div>
          ) : null}
          <Keyboard layout={{ ...layout }} layoutName={shift && layout.shift ? 'shift' : 'default'} display={DISPLAY} onKeyPress={press} disableButtonHold preventMouseDownDefault />
        </div>
      ) : null}
    </div>
  );
}
