import { useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import {
  ASCII_LAYOUT,
  BARCODE_LAYOUT,
  layoutFor,
  PHONE_LAYOUT,
  PIN_LAYOUT,
  pinyinCandidates,
  SHORT_CODE_LAYOUT,
  type KeyboardLayout,
} from './keyboard-layouts';
import { Icon } from './Icon';
import { useOnScreen } from './use-onscreen';

/**
 * text: words in the reader's script. search: the same, as a search box. code: a slip's short
 * code. phone, pin, barcodes: digits. ascii: a site code or a folder path, Latin whatever the
 * script. secret: a passphrase, masked, with a show/hide toggle.
 */
export type TextKind = 'text' | 'search' | 'phone' | 'code' | 'pin' | 'barcodes' | 'ascii' | 'secret';

interface TextFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  kind?: TextKind;
  /** A textarea: several lines of the reader's own words. */
  multiline?: boolean;
  /** A scanner types the code and Enter: submit on Enter. */
  onEnter?: () => void;
  autoFocus?: boolean;
  required?: boolean;
  id?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** The field a USB scanner's burst goes to (see scanner/use-scanner). */
  scanField?: boolean;
  /** The language the text is written in, when it is not the page's (a name in each language). */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  invalid?: boolean;
  placeholder?: string;
  autoComplete?: string;
  /** The label is read by screen readers but not shown (a count in a table row). */
  labelHidden?: boolean;
  /** A button beside the field (Find, Add). */
  action?: ReactNode;
}

// Symbols, not words: they read the same in every language. Arabic vowel marks sit on a tatweel
// so the key shows a mark rather than a dotted circle.
const MARKS = Array.from({ length: 8 }, (_, i) => String.fromCharCode(0x064b + i));
const DISPLAY: Record<string, string> = {
  '{bksp}': '⌫',
  '{shift}': '⇧',
  '{space}': ' ',
  '{zwnj}': '‹›',
  '{abc}': 'ABC',
  ...Object.fromEntries(MARKS.map((m) => [m, `\u0640${m}`])),
};
const LATIN_SCRIPTS = new Set(['en', 'es', 'fr', 'pt', 'vi', 'ht', 'so', 'zh-Hans']);

function baseLayout(kind: TextKind, lang: string): KeyboardLayout {
  switch (kind) {
    case 'phone':
      return PHONE_LAYOUT;
    case 'pin':
      return PIN_LAYOUT;
    case 'barcodes':
      return BARCODE_LAYOUT;
    case 'code':
      return SHORT_CODE_LAYOUT;
    case 'ascii':
      return ASCII_LAYOUT;
    default:
      return layoutFor(lang);
  }
}

/**
 * A text field with an on-screen keyboard in the reader's script. The keyboard opens when the
 * field is focused; the physical keyboard (or a USB scanner) keeps working alongside it. This is
 * the one home of text entry: screens never use a raw <input> for text (tests/unit/touch-inputs).
 */
export function TextField(props: TextFieldProps) {
  const { label, hint, value, onChange, maxLength, kind = 'text', multiline, onEnter, autoFocus, required } = props;
  const { t, i18n } = useTranslation('kiosk');
  const ownId = useId();
  const id = props.id ?? ownId;
  const input = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const { wrapper, open, setOpen } = useOnScreen();
  const [shift, setShift] = useState(false);
  const [ascii, setAscii] = useState(false);
  const [shown, setShown] = useState(false);
  // A field focused on arrival (the scan field) waits for a scanner: its keyboard opens on a tap,
  // not over half the screen before anyone touched it.
  const arrived = useRef(Boolean(autoFocus));
  const lang = props.lang ?? i18n.language;
  const words = kind === 'text' || kind === 'search' || kind === 'secret';
  // A reader of a non-Latin script can still switch to Latin letters (a passphrase, a brand name).
  const canSwitch = words && !LATIN_SCRIPTS.has(lang);
  const chosen = ascii && canSwitch ? ASCII_LAYOUT : baseLayout(kind, lang);
  const layout: KeyboardLayout = canSwitch
    ? {
        default: [...chosen.default.slice(0, -1), `{abc} ${chosen.default.at(-1)}`],
        ...(chosen.shift ? { shift: [...chosen.shift.slice(0, -1), `{abc} ${chosen.shift.at(-1)}`] } : {}),
      }
    : chosen;

  const pinyinOn = (kind === 'text' || kind === 'search') && lang === 'zh-Hans' && !ascii;
  const { pinyin, characters } = pinyinOn ? pinyinCandidates(lang, value) : { pinyin: '', characters: [] };
  const pick = (character: string) => onChange(value.slice(0, value.length - pinyin.length) + character);

  const press = (button: string) => {
    if (button === '{shift}') return setShift((s) => !s);
    if (button === '{abc}') return setAscii((a) => !a);
    if (button === '{bksp}') return onChange(value.slice(0, -1));
    const ch = button === '{space}' ? ' ' : button === '{zwnj}' ? '\u200c' : button;
    if (value.length + ch.length <= maxLength) onChange(value + ch);
    if (shift) setShift(false);
  };

  const secret = kind === 'secret' || kind === 'pin';
  const common = {
    id,
    value,
    maxLength,
    autoComplete: props.autoComplete ?? 'off',
    spellCheck: false,
    autoFocus,
    required,
    lang: props.lang,
    placeholder: props.placeholder,
    'aria-invalid': props.invalid ? true : undefined,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    dir: props.dir ?? (words ? 'auto' : 'ltr'),
    onFocus: () => {
      if (arrived.current) arrived.current = false;
      else setOpen(true);
    },
    onClick: () => setOpen(true),
  } as const;

  return (
    <div className={`text-field${props.labelHidden ? ' text-field-compact' : ''}`} ref={wrapper}>
      <label htmlFor={id} className={props.labelHidden ? 'visually-hidden' : 'text-field-label'}>
        {label}
      </label>
      {hint ? (
        <p className="text-field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="text-field-row">
        {multiline ? (
          <textarea
            {...common}
            ref={(el) => {
              input.current = el;
            }}
            rows={3}
            onChange={(e) => onChange(e.target.value.slice(0, maxLength))}
          />
        ) : (
          <input
            {...common}
            ref={(el) => {
              input.current = el;
              if (typeof props.inputRef === 'function') props.inputRef(el);
              else if (props.inputRef) (props.inputRef as { current: HTMLInputElement | null }).current = el;
            }}
            data-scan-field={props.scanField ? '' : undefined}
            type={secret && !shown ? 'password' : kind === 'search' ? 'search' : 'text'}
            inputMode={kind === 'phone' ? 'tel' : kind === 'pin' || kind === 'barcodes' ? 'numeric' : 'text'}
            onChange={(e) => onChange(e.target.value.slice(0, maxLength))}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && onEnter) {
                e.preventDefault();
                onEnter();
              }
            }}
          />
        )}
        {kind === 'secret' ? (
          <button type="button" className="button button-secondary secret-toggle" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
            {shown ? t('keyboard.hideSecret') : t('keyboard.showSecret')}
          </button>
        ) : null}
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
        {props.action}
      </div>
      {open && pinyinOn ? (
        <p className="keyboard-hint" lang="zh-Hans">
          {t('keyboard.pinyinHint')}
        </p>
      ) : null}
      {open ? (
        // Keeps focus in the field while keys are tapped; the keys repeat what the physical keyboard does.
        <div
          className="onscreen-keyboard"
          aria-hidden="true"
          data-kind={kind}
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
          <Keyboard
            layout={{ ...layout }}
            layoutName={shift && layout.shift ? 'shift' : 'default'}
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
