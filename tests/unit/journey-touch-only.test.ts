import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The journey suite is the Saturday as people live it: touch only. Its stories and page objects
// tap by role and enter text through the app's on-screen keyboard; nothing fills, types or
// presses keys. The one exception is the USB scanner, which is a keyboard device.
const JOURNEY = 'tests/e2e/journey';
const SCANNER = `${JOURNEY}/pages/scanner.ts`;
const FORBIDDEN: [string, RegExp][] = [
  ['fill(', /\.fill\s*\(/],
  ['.type(', /\.type\s*\(/],
  ['pressSequentially', /pressSequentially/],
  ['keyboard.', /keyboard\s*\./],
  ['.press(', /\.press\s*\(/],
  ['insertText', /insertText/],
  ['dispatchKeyEvent', /dispatchKeyEvent/],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every forbidden call in one file's source, as `path:line: what`. Comments are not code. */
export function typedInput(path: string, source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  return code.split('\n').flatMap((line, i) => FORBIDDEN.filter(([, re]) => re.test(line)).map(([what]) => `${path}:${i + 1}: ${what}`));
}

describe('the journey suite is touch only', () => {
  it('no fill, type, pressSequentially or page keyboard anywhere but the USB scanner', () => {
    const all = files(JOURNEY).map((p) => relative('.', p).replaceAll('\\', '/'));
    expect(all).toContain(SCANNER);
    expect(all.some((p) => p.endsWith('.spec.ts'))).toBe(true);
    const found = all.filter((p) => p !== SCANNER).flatMap((p) => typedInput(p, readFileSync(p, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan sees each way of typing, and not the words in a comment', () => {
    expect(typedInput('a.ts', "await field.fill('x');")).toEqual(['a.ts:1: fill(']);
    expect(typedInput('a.ts', "x\nawait page.keyboard.type('1');")).toEqual(['a.ts:2: .type(', 'a.ts:2: keyboard.']);
    expect(typedInput('a.ts', "await f.pressSequentially('x')")).toEqual(['a.ts:1: pressSequentially']);
    expect(typedInput('a.ts', "await f.press('Enter')")).toEqual(['a.ts:1: .press(']);
    expect(typedInput('a.ts', '// never fill( or keyboard. here\n/* .type( */')).toEqual([]);
  });

  it('the scanner helper is the one place a keyboard is used, and it is named for what it is', () => {
    const source = readFileSync(SCANNER, 'utf8');
    expect(source).toMatch(/class UsbScanner/);
    expect(source).toMatch(/usbScan\(/);
    // The device itself (keys stamped a few ms apart, as a USB scanner sends them) lives beside the suite.
    const device = 'tests/e2e/usb-scanner.ts';
    expect(typedInput(device, readFileSync(device, 'utf8'))).toContainEqual(expect.stringContaining('dispatchKeyEvent'));
  });
});
