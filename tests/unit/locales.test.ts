import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, preferredLocale } from '../../src/shared/locales';
import { ERROR_CODES } from '../../src/shared/api/errors';

type Tree = { [key: string]: string | Tree };
const ROOT = 'locales';
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function load(lng: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const file of readdirSync(join(ROOT, lng)).filter((f) => f.endsWith('.json'))) {
    out.set(file.replace(/\.json$/, ''), flatten(JSON.parse(readFileSync(join(ROOT, lng, file), 'utf8')) as Tree));
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(PLURAL, '');
const en = load('en');

describe('locales', () => {
  it('ship a folder for every locale the kiosk offers, and no other', () => {
    const dirs = readdirSync(ROOT)
      .filter((d) => !d.startsWith('.'))
      .sort();
    expect(dirs).toEqual(LOCALES.map((l) => l.code).sort());
  });

  it('give every error code a message (feature namespace first, then errors.json)', () => {
    for (const code of ERROR_CODES) {
      const [feature, ...rest] = code.split('.');
      const inFeature = en.get(feature ?? '')?.has(`errors.${rest.join('.')}`) ?? false;
      const inErrors = en.get('errors')?.has(code) ?? false;
      expect(inFeature || inErrors, code).toBe(true);
    }
  });

  for (const { code } of LOCALES) {
    describe(code, () => {
      const lng = load(code);
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;

      it('has every key English has, and no stray ones', () => {
        for (const [ns, keys] of en) {
          const theirs = lng.get(ns);
          expect(theirs, `${code}/${ns}.json`).toBeDefined();
          const mine = new Set([...keys.keys()].map(base));
          const got = new Set([...(theirs?.keys() ?? [])].map(base));
          expect(
            [...mine].filter((k) => !got.has(k)),
            `${code}/${ns} missing`,
          ).toEqual([]);
          expect(
            [...got].filter((k) => !mine.has(k)),
            `${code}/${ns} extra`,
          ).toEqual([]);
        }
      });

      it('keeps the same placeholders as English', () => {
        for (const [ns, keys] of en) {
          const theirs = lng.get(ns) ?? new Map<string, string>();
          const byBase = new Map<string, string>();
          for (const [k, v] of keys) byBase.set(base(k), v);
          for (const [k, v] of theirs) {
            const english = byBase.get(base(k));
            if (english === undefined) continue;
            // Plural forms may drop {{count}} ("one person" in words); other placeholders must stay.
            const want = placeholders(english).filter((p) => !(PLURAL.test(k) && p === 'count'));
            const got = placeholders(v).filter((p) => !(PLURAL.test(k) && p === 'count'));
            expect(got, `${code}/${ns}:${k}`).toEqual(want);
          }
        }
      });

      it('has every plural form its language needs, and no empty strings', () => {
        for (const [ns, keys] of lng) {
          const plurals = new Set([...keys.keys()].filter((k) => PLURAL.test(k)).map(base));
          for (const p of plurals) {
            for (const cat of categories) expect(keys.has(`${p}_${cat}`), `${code}/${ns}:${p}_${cat}`).toBe(true);
          }
          for (const [k, v] of keys) expect(v.trim(), `${code}/${ns}:${k}`).not.toBe('');
        }
      });
    });
  }
});

describe('a device’s own language', () => {
  it('is the first of its languages the kiosk ships, exactly or by base language', () => {
    expect(preferredLocale(['ar-EG', 'en-US'])).toBe('ar');
    expect(preferredLocale(['zh-CN'])).toBe('zh-Hans');
    expect(preferredLocale(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(preferredLocale(['EN-gb'])).toBe('en');
    expect(preferredLocale(['de', 'ja'])).toBeNull();
    expect(preferredLocale([])).toBeNull();
  });
});
