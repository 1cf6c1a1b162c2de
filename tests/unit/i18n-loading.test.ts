import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createI18n, languageSwitcher, languagesLoaded, loadLanguages, namespaces } from '../../src/renderer/i18n';
import { LOCALE_CODES } from '../../src/shared/locales';
import { readLocale } from 'virtual:locale-files';

// Issue 15: the locales a visitor does not use are read when needed, not with the first page.
const fakeDocument = () => ({ documentElement: { lang: '', dir: '' } }) as unknown as Document;

describe('locales read when a screen needs them', () => {
  it('starts with English only, the fallback of every string', () => {
    const i18n = createI18n();
    expect(languagesLoaded(i18n, ['en'])).toBe(true);
    for (const code of LOCALE_CODES.filter((c) => c !== 'en')) expect(i18n.hasResourceBundle(code, 'common'), code).toBe(false);
    expect(namespaces().sort()).toEqual(
      readdirSync('locales/en')
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
  });

  it('reads a locale whole, every namespace of it, once however many screens ask', async () => {
    const i18n = createI18n();
    let reads = 0;
    const counted = (code: string) => ((reads += 1), readLocale(code));
    const first = loadLanguages(i18n, ['ar', 'fr'], counted);
    const second = loadLanguages(i18n, ['ar'], counted);
    await Promise.all([first, second]);
    await loadLanguages(i18n, ['fr', 'en'], counted);
    expect(reads).toBe(2);
    expect(languagesLoaded(i18n, ['ar', 'fr'])).toBe(true);
    expect(languagesLoaded(i18n, ['es'])).toBe(false);
    for (const ns of namespaces()) {
      const file = JSON.parse(readFileSync(`locales/ar/${ns}.json`, 'utf8')) as Record<string, unknown>;
      expect(i18n.getResourceBundle('ar', ns), ns).toEqual(file);
    }
    expect(i18n.getFixedT('ar', 'stations')('pair')).toBe(
      (JSON.parse(readFileSync('locales/ar/stations.json', 'utf8')) as { pair: string }).pair,
    );
    // A code the app does not ship falls back to English rather than failing.
    await loadLanguages(i18n, ['xx']);
    expect(i18n.getFixedT('xx', 'stations')('pair')).toBe(i18n.getFixedT('en', 'stations')('pair'));
  });

  it('switches to a language once it is in; at once when it already is; the latest choice wins', async () => {
    const i18n = createI18n();
    const doc = fakeDocument();
    const setLanguage = languageSwitcher(i18n, doc);
    setLanguage('en');
    expect(i18n.language).toBe('en');
    // Two quick taps: Urdu (not read yet) then Spanish; Spanish is where the screen ends.
    setLanguage('ur');
    setLanguage('es');
    expect(i18n.language).toBe('en');
    await loadLanguages(i18n, ['ur', 'es']);
    await Promise.resolve();
    expect(i18n.language).toBe('es');
    expect(doc.documentElement.dir).toBe('ltr');
    // Arabic, once read, switches at once: the next screen paints in it, right to left.
    await loadLanguages(i18n, ['ar']);
    setLanguage('ar');
    expect(i18n.language).toBe('ar');
    expect(doc.documentElement).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });
});
