import type { Db } from '../db/open';

/**
 * Folds text for search the way a volunteer expects: case-insensitive in every script
 * (SQLite's own LIKE only folds ASCII) and without accents, so "frijol" finds "Frijoles",
 * "cafe" finds "Café" and "чорна" finds "Чорна квасоля".
 */
export function foldText(s: string): string {
  // Printable ASCII (most names in most catalogues) needs no Unicode normalisation.
  if (!/[^\u0020-\u007e]/.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Registers inv_fold() on a connection. A search folds every item name; names rarely change,
 * so folded forms are remembered (bounded, so an import of a huge catalogue cannot grow it
 * without limit).
 */
export function registerTextFunctions(db: Db): void {
  const memo = new Map<string, string>();
  db.function('inv_fold', { deterministic: true }, (s: unknown) => {
    if (typeof s !== 'string') return null;
    let folded = memo.get(s);
    if (folded === undefined) {
      if (memo.size > 200_000) memo.clear();
      folded = foldText(s);
      memo.set(s, folded);
    }
    return folded;
  });
}

/** A LIKE pattern matching `query` anywhere, with LIKE's own wildcards escaped. */
export function containsPattern(query: string): string {
  return `%${foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
