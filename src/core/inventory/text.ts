import type { Db } from '../db/open';

/**
 * Folds text for search the way a volunteer expects: case-insensitive in every script
 * (SQLite's own LIKE only folds ASCII) and without accents, so "frijol" finds "Frijoles",
 * "cafe" finds "Café" and "чорна" finds "Чорна квасоля".
 */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/** Registers fold() on a connection; deterministic, so SQLite may cache and reuse results. */
export function registerTextFunctions(db: Db): void {
  db.function('inv_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldText(s) : null));
}

/** A LIKE pattern matching `query` anywhere, with LIKE's own wildcards escaped. */
export function containsPattern(query: string): string {
  return `%${foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
