/** The parts of Electron's `Input` (before-input-event) the filter looks at. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

type Rule = { why: string; match(i: KeyInput, key: string, mod: boolean): boolean };

const FUNCTION_KEYS = new Set(['f1', 'f3', 'f5', 'f6', 'f7', 'f10', 'f11', 'f12']);
const BROWSER_KEYS = new Set([
  'browserback',
  'browserforward',
  'browserrefresh',
  'browserhome',
  'browsersearch',
  'browserstop',
  'browserfavorites',
]);
// With Ctrl/Cmd: reload, close, quit, new window/tab, open, save, print, view source, address
// bar, history, downloads, find bar, hide/minimise (macOS).
const MOD_LETTERS = new Set(['r', 'w', 'q', 'n', 't', 'o', 's', 'p', 'u', 'l', 'h', 'j', 'd', 'f', 'g', 'm', 'e', 'k']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0', 'add', 'subtract']);

/**
 * What a visitor at the public screen must not be able to do from a keyboard: reload (loses the
 * form), open the devtools, close or quit, zoom, leave full screen, navigate back, print or save
 * the page. Editing keys inside a form (Ctrl+A/C/V/X/Z/Y, arrows, Tab, Enter, Escape, Backspace)
 * stay. Pure, so the whole table is tested outside Electron.
 */
const RULES: readonly Rule[] = [
  { why: 'function keys: reload, devtools, full screen, caret browsing, menu', match: (_i, key) => FUNCTION_KEYS.has(key) },
  { why: 'browser keys: back, forward, refresh, home', match: (_i, key) => BROWSER_KEYS.has(key) },
  { why: 'Ctrl/Cmd shortcuts that reload, close, quit, open, print or search', match: (_i, key, mod) => mod && MOD_LETTERS.has(key) },
  {
    why: 'devtools and inspector (Ctrl+Shift+I/J/C, Cmd+Alt+I)',
    match: (i, key, mod) => mod && (i.shift || i.alt) && ['i', 'j', 'c'].includes(key),
  },
  { why: 'zoom in, out and reset', match: (i, key, mod) => mod && (ZOOM_KEYS.has(key) || /^Numpad(Add|Subtract|0)$/.test(i.code ?? '')) },
  { why: 'close window (Alt+F4, Ctrl+F4)', match: (i, key) => (i.alt || i.control) && key === 'f4' },
  {
    why: 'navigate back and forward (Alt+arrows, Cmd+[ ])',
    match: (i, key, mod) => (i.alt && ['arrowleft', 'arrowright', 'home'].includes(key)) || (mod && ['[', ']'].includes(key)),
  },
  { why: 'macOS full screen (Ctrl+Cmd+F)', match: (i, key) => i.control && i.meta && key === 'f' },
];

export interface FilterOptions {
  /** Only the kiosk swallows escapes; a windowed coordinator session keeps its keyboard. */
  kiosk: boolean;
}

/** Returns the reason to swallow this key press, or null to let it through. */
export function blockedInputReason(input: KeyInput, { kiosk }: FilterOptions): string | null {
  if (!kiosk) return null;
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown' && input.type !== 'keyUp') return null;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  return RULES.find((r) => r.match(input, key, mod))?.why ?? null;
}

export function shouldBlockInput(input: KeyInput, options: FilterOptions): boolean {
  return blockedInputReason(input, options) !== null;
}
