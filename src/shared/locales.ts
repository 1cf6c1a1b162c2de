/**
 * The locales the kiosk ships, each named in its own script. `dir` drives layout.
 * Adding one here means adding locales/<code>/*.json with every key (checked by tests).
 */
export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'pt', name: 'Português', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  // Persian, written as Afghan Dari speakers read it: the hubs serve Afghan families.
  { code: 'fa', name: 'دری', dir: 'rtl' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
  { code: 'zh-Hans', name: '中文', dir: 'ltr' },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { code: 'ht', name: 'Kreyòl ayisyen', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'so', name: 'Soomaali', dir: 'ltr' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];
export const LOCALE_CODES = LOCALES.map((l) => l.code) as [LocaleCode, ...LocaleCode[]];

export function localeDir(code: string): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === code)?.dir ?? 'ltr';
}

/**
 * The first of a device's languages (navigator.languages: 'ar-EG', 'zh-CN', 'en-US') that the
 * kiosk ships, matched exactly or by its base language; null when it ships none of them.
 */
export function preferredLocale(languages: readonly string[]): LocaleCode | null {
  const base = (tag: string) => tag.toLowerCase().split('-')[0]!;
  for (const tag of languages) {
    const exact = LOCALE_CODES.find((c) => c.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const sameBase = LOCALE_CODES.find((c) => base(c) === base(tag));
    if (sameBase) return sameBase;
  }
  return null;
}
