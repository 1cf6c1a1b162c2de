import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Issue 13.6: a helper or a constant has one home, so a change to it is made once.
const root = resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(join(root, 'src')).map((path) => ({
  path: relative(root, path).replaceAll('\\', '/'),
  text: readFileSync(path, 'utf8'),
}));

describe('where things go', () => {
  it('spells the length of a day once, in shared/time', () => {
    const dayLength = /\b86_?400_?000\b|\b864e5\b|24\s*\*\s*60\s*\*\s*60\s*\*\s*1000|24\s*\*\s*3600\s*\*\s*1000/;
    const offenders = files.filter((f) => f.path !== 'src/shared/time.ts' && dayLength.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('keeps dates and byte encodings out of the slip codec', () => {
    const payload = files.find((f) => f.path === 'src/shared/slips/payload.ts')!.text;
    expect(payload).not.toMatch(/export function (dayNumber|dayToIso|toHex|bytesToDigits|digitsToBytes)\b/);
  });

  it('declares each schema once: no zod enum or value record written out in two places', () => {
    // Exact repeats of a literal list or a params record: the second copy would drift from the
    // first. Declare it once beside its feature and import it.
    const literal = /z\.enum\(\[[^\]]*\]\)|z\.record\(z\.string\(\), z\.union\(\[z\.string\(\), z\.number\(\)\]\)\)/g;
    const seen = new Map<string, string[]>();
    for (const f of files) {
      for (const m of f.text.matchAll(literal)) {
        const key = m[0].replace(/\s+/g, ' ');
        seen.set(key, [...(seen.get(key) ?? []), f.path]);
      }
    }
    const repeated = [...seen].filter(([, where]) => where.length > 1).map(([schema, where]) => `${schema} in ${where.join(', ')}`);
    expect(repeated).toEqual([]);
  });
});
