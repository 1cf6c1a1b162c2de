import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeDir } from '../shared/locales';

// Every locale ships inside the app: no runtime downloads (the kiosk works with no network).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', { eager: true });

export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, mod] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng = '', ns = ''] = match;
    resources[lng] = { ...resources[lng], [ns]: mod.default };
  }
  return resources;
}

/** Namespaces are the locale files themselves: a feature adds locales/<lng>/<feature>.json. */
export function namespaces(): string[] {
  return [...new Set(Object.keys(files).map((p) => /\/([^/]+)\.json$/.exec(p)?.[1] ?? ''))].filter(Boolean);
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
  });
  return instance;
}

/** Sets the document language and direction: right-to-left scripts lay out right-to-left. */
export function applyDocumentLanguage(doc: Document, language: string): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = localeDir(language);
}
