import { readFileSync } from 'node:fs';

type Dict = { [key: string]: string | Dict };
const cache = new Map<string, Dict>();

function load(lng: string, ns: string): Dict {
  const key = `${lng}/${ns}`;
  let d = cache.get(key);
  if (!d) {
    d = JSON.parse(readFileSync(`locales/${key}.json`, 'utf8')) as Dict;
    cache.set(key, d);
  }
  return d;
}

/**
 * The words on the screen, as the locale files say them: `w('ar', 'inventory:receive.submit')`.
 * A story written once reads the same in every language it runs in.
 */
export function w(lng: string, key: string, vars: Record<string, string | number> = {}): string {
  const [ns, path] = key.split(':') as [string, string];
  const value = path.split('.').reduce<string | Dict | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), load(lng, ns));
  if (typeof value !== 'string') throw new Error(`no string ${lng}:${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** The words for one language, bound. */
export const wordsFor = (lng: string) => (key: string, vars?: Record<string, string | number>) => w(lng, key, vars);
export type Words = ReturnType<typeof wordsFor>;
