import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { useEffect, useState } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { readLocale } from 'virtual:locale-files';
import { localeDir } from '../shared/locales';

// Every locale ships inside the app: no runtime downloads (the kiosk works with no network).
// English, the fallback of every string, is in the page. Each other locale is one data file of
// the build (localeFiles in electron.vite.config.ts), read from the app's own origin when a
// screen first needs that language: a hub that offers three languages never parses the others.
const english = import.meta.glob<Record<string, unknown>>('../../locales/en/*.json', { eager: true, import: 'default' });

const parts = (path: string) => /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);

/** English, as the page carries it. */
export function bundledResources(): Resource {
  const en: Record<string, Record<string, unknown>> = {};
  for (const [path, strings] of Object.entries(english)) {
    const ns = parts(path)?.[2];
    if (ns) en[ns] = strings;
  }
  return { en };
}

/** Namespaces are the locale files themselves: a feature adds locales/<lng>/<feature>.json. */
export function namespaces(): string[] {
  return Object.keys(english)
    .map((p) => parts(p)?.[2] ?? '')
    .filter(Boolean);
}

export function createI18n(language = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: bundledResources(),
    lng: language,
    fallbackLng: 'en',
    ns: namespaces(),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // A locale read after first paint re-renders what shows it (a screen that named a language
    // before its strings were in says it in English for that moment, never a key).
    react: { bindI18nStore: 'added' },
  });
  return instance;
}

/** Reads one locale whole, by feature file (tests may count or fail the reads). */
export type LocaleReader = (code: string) => Promise<Record<string, Record<string, unknown>>>;

const loading = new WeakMap<I18n, Map<string, Promise<void>>>();

/** Whether every one of `codes` has its strings in (English always has). */
export function languagesLoaded(i18n: I18n, codes: readonly string[]): boolean {
  return codes.every((code) => code === 'en' || i18n.hasResourceBundle(code, 'common'));
}

/**
 * Reads the locales among `codes` that are not in yet, each once however many screens ask. A
 * code the app does not ship is left to the fallback (English).
 */
export function loadLanguages(i18n: I18n, codes: readonly string[], read: LocaleReader = readLocale): Promise<void> {
  let started = loading.get(i18n);
  if (!started) loading.set(i18n, (started = new Map()));
  const pending: Promise<void>[] = [];
  for (const code of new Set(codes)) {
    if (code === 'en' || i18n.hasResourceBundle(code, 'common')) continue;
    let load = started.get(code);
    if (!load) {
      load = read(code).then((bundles) => {
        // 'common' last: it is what languagesLoaded asks, so a locale counts only once whole.
        const order = Object.keys(bundles).sort((x, y) => Number(x === 'common') - Number(y === 'common'));
        for (const ns of order) i18n.addResourceBundle(code, ns, bundles[ns], true, true);
      });
      // A failed read may be tried again by the next screen that needs it.
      load.catch(() => started.delete(code));
      started.set(code, load);
    }
    pending.push(load);
  }
  return Promise.all(pending).then(() => undefined);
}

/**
 * True once every one of `codes` is in, asking for the missing ones; true too once a read has
 * failed (a damaged install): the screens then say those strings in English rather than stay blank.
 */
export function useLanguages(codes: readonly string[]): boolean {
  const { i18n } = useTranslation();
  const key = JSON.stringify([...new Set(codes)].sort());
  const [settled, setSettled] = useState<{ key: string; n: number }>({ key: '', n: 0 });
  const ready = languagesLoaded(i18n, codes);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const done = () => live && setSettled((s) => ({ key, n: s.n + 1 }));
    void loadLanguages(i18n, JSON.parse(key) as string[]).then(done, done);
    return () => {
      live = false;
    };
  }, [i18n, key, ready]);
  return ready || settled.key === key;
}

/**
 * What main.tsx gives the screens as setLanguage: switches once the locale is in (at once when it
 * already is, so the next screen paints in it). Only the latest choice counts: a visitor who
 * taps two languages quickly ends in the second, whichever is read first.
 */
export function languageSwitcher(i18n: I18n, doc: Document, read: LocaleReader = readLocale): (code: string) => void {
  let latest = 0;
  const apply = (code: string) => {
    void i18n.changeLanguage(code);
    applyDocumentLanguage(doc, code);
  };
  return (code) => {
    const turn = ++latest;
    if (languagesLoaded(i18n, [code])) return apply(code);
    void loadLanguages(i18n, [code], read).then(
      () => turn === latest && apply(code),
      // Unreadable (a damaged install): stay in the language on screen rather than half-switch.
      () => undefined,
    );
  };
}

/** Sets the document language and direction: right-to-left scripts lay out right-to-left. */
export function applyDocumentLanguage(doc: Document, language: string): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = localeDir(language);
}
