import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeDir } from '../shared/locales';

// Every locale ships inside the app: no runtime downloads (the kiosk works with no network).
// English (the fallback) is inlined in the main chunk; every other language is its own chunk,
// loaded when a visitor or the site picks it: a kiosk shows one or two of its twelve languages.
const FALLBACK = 'en';
const inlined = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/en/*.json', { eager: true });
const lazy = import.meta.glob<{ default: Record<string, unknown> }>(['../../locales/*/*.json', '!../../locales/en/*.json']);

const pathParts = (path: string) => /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);

/** The inlined (fallback) language's resources. */
export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, mod] of Object.entries(inlined)) {
    const [, lng = '', ns = ''] = pathParts(path) ?? [];
    if (!lng) continue;
    resources[lng] = { ...resources[lng], [ns]: mod.default };
  }
  return resources;
}

/** Namespaces are the locale files themselves: a feature adds locales/<lng>/<feature>.json. */
export function namespaces(): string[] {
  return [...new Set(Object.keys(inlined).map((p) => pathParts(p)?.[2] ?? ''))].filter(Boolean);
}

/** Loads a language's files into `instance` (once; the fallback is already there). */
export async function loadLanguage(instance: I18n, language: string): Promise<void> {
  if (language === FALLBACK || instance.hasResourceBundle(language, 'common')) return;
  const files = Object.entries(lazy).filter(([path]) => pathParts(path)?.[1] === language);
  await Promise.all(
    files.map(async ([path, load]) => {
      const ns = pathParts(path)?.[2] ?? '';
      instance.addResourceBundle(language, ns, (await load()).default, true, true);
    }),
  );
}

/**
 * An i18n instance with the fallback language ready at once (the first paint never waits); the
 * language asked for follows as soon as its chunk is in. `ready` resolves when it is shown.
 */
export function createI18n(language = FALLBACK): I18n & { ready: Promise<void> } {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: bundledResources(),
    lng: FALLBACK,
    fallbackLng: FALLBACK,
    ns: namespaces(),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    partialBundledLanguages: true,
  });
  const ready = switchLanguage(instance, language);
  return Object.assign(instance, { ready });
}

const wanted = new WeakMap<I18n, string>();

/** Switches to `language` once its files are loaded; the latest call wins if several overlap. */
export async function switchLanguage(instance: I18n, language: string): Promise<void> {
  wanted.set(instance, language);
  await loadLanguage(instance, language);
  if (wanted.get(instance) === language && instance.language !== language) await instance.changeLanguage(language);
}

/** Sets the document language and direction: right-to-left scripts lay out right-to-left. */
export function applyDocumentLanguage(doc: Document, language: string): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = localeDir(language);
}
