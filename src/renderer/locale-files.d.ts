/** electron.vite.config.ts (localeFiles): every locale but English, read when first needed. */
declare module 'virtual:locale-files' {
  /** The codes of the locales that can be read (English is in the page). */
  export const shipped: readonly string[];
  /** A locale's strings, by feature file (namespace); {} for a code the app does not ship. */
  export function readLocale(code: string): Promise<Record<string, Record<string, unknown>>>;
}
