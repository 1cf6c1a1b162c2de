import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptNumber } from '../../src/renderer/kiosk/NumberField';
import { monthGrid } from '../../src/renderer/kiosk/DateField';
import { ASCII_LAYOUT, layoutFor } from '../../src/renderer/kiosk/keyboard-layouts';

// A kiosk has no physical keyboard: every field a person types into must come with an on-screen
// one. The touch inputs below are the only places allowed to render a raw text field.
const TOUCH_INPUTS = new Set([
  'src/renderer/kiosk/TextField.tsx',
  'src/renderer/kiosk/NumberField.tsx',
  'src/renderer/kiosk/DateField.tsx',
  'src/renderer/components/PinPad.tsx',
]);
// Tapped, not typed: a tick box, a radio button, the system's file picker.
const TAPPED = /^<input\b[^>]*\btype="(checkbox|radio|file)"/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Raw text fields in one file's source, as `path:line`. */
export function rawFields(path: string, source: string): string[] {
  const found: string[] = [];
  const tag = /<(input|textarea)\b[^>]*>/gs;
  for (const m of source.matchAll(tag)) {
    if (m[1] === 'input' && TAPPED.test(m[0].replace(/\s+/g, ' '))) continue;
    found.push(`${path}:${source.slice(0, m.index).split('\n').length}`);
  }
  return found;
}

describe('touch inputs', () => {
  it('are the only text fields in the renderer: no raw <input> or <textarea> elsewhere', () => {
    const raw = sources('src/renderer')
      .map((p) => relative('.', p).replaceAll('\\', '/'))
      .filter((p) => !TOUCH_INPUTS.has(p))
      .flatMap((p) => rawFields(p, readFileSync(p, 'utf8')));
    expect(raw).toEqual([]);
  });

  it('the scan itself sees a raw field, and lets tick boxes and radios through', () => {
    expect(rawFields('a.tsx', '<input\n  value={x} />')).toEqual(['a.tsx:1']);
    expect(rawFields('a.tsx', 'x\n<textarea rows={3} />')).toEqual(['a.tsx:2']);
    expect(rawFields('a.tsx', '<input type="checkbox" checked />')).toEqual([]);
    expect(rawFields('a.tsx', '<input\n  type="radio" name="d" />')).toEqual([]);
  });

  it('the number pad accepts only what the field allows', () => {
    expect(acceptNumber('12', { min: 0 })).toBe(true);
    expect(acceptNumber('-3', { min: 0 })).toBe(false);
    expect(acceptNumber('-3', {})).toBe(true);
    expect(acceptNumber('1.5', { min: 0 })).toBe(false);
    expect(acceptNumber('1.5', { min: 0, decimal: true })).toBe(true);
    expect(acceptNumber('400', { min: 0, max: 365 })).toBe(false);
    expect(acceptNumber('', { min: 1 })).toBe(true);
    expect(acceptNumber('1e3', {})).toBe(false);
  });

  it('the date picker lays a month out in weeks from the language’s first day', () => {
    // March 2028 starts on a Wednesday.
    expect(monthGrid(2028, 2, 1)[0]).toEqual([null, null, 1, 2, 3, 4, 5]);
    expect(monthGrid(2028, 2, 0)[0]).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(monthGrid(2028, 2, 6)[0]).toEqual([null, null, null, null, 1, 2, 3]);
    expect(monthGrid(2028, 1, 1).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('script keyboards', () => {
  const keys = (rows: string[] | undefined) => (rows ?? []).join(' ').split(' ');
  it('Arabic has the hamza forms and a shift layer', () => {
    const ar = layoutFor('ar');
    for (const k of ['أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء']) expect(keys(ar.default), k).toContain(k);
    expect(keys(ar.default)).toContain('{shift}');
    expect(ar.shift?.length).toBeGreaterThan(0);
  });

  it('Persian and Urdu have their hamza forms and a shift layer too', () => {
    for (const lang of ['fa', 'ur']) {
      const l = layoutFor(lang);
      const all = [...keys(l.default), ...keys(l.shift)];
      for (const k of ['آ', 'أ', 'ؤ', 'ئ', 'ء']) expect(all, `${lang} ${k}`).toContain(k);
      expect(keys(l.default), lang).toContain('{shift}');
    }
  });

  it('the ASCII keyboard can type a folder path', () => {
    const all = [...keys(ASCII_LAYOUT.default), ...keys(ASCII_LAYOUT.shift)];
    for (const k of ['/', '\\', ':', '.', '-', '_']) expect(all, k).toContain(k);
  });
});
