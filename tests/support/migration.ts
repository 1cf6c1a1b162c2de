import { afterEach, beforeEach } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/db/open';
import { tempDir } from './fixed';

// Every migration test has the same shape: a database as an older kiosk left it (opened at
// version N-1 and seeded), then opened by this version's code, then checked. The set-up lives
// here once; each test file says only what the old kiosk had and what must be true after.

/**
 * A fresh temporary folder for each test of the calling describe block (registers its own
 * beforeEach/afterEach). Returns the path of a database file in it, `m.sqlite` unless named.
 */
export function migrationFolder(): (name?: string) => string {
  let dir: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir?.remove());
  return (name = 'm.sqlite') => {
    if (!dir) throw new Error('migrationFolder(): call the returned function inside a test');
    return join(dir.path, name);
  };
}

/** Opens `file` at `version`, always closing it, and returns what `use` returns. */
export function openAt<T>(file: string, version: number | undefined, use: (db: Db) => T): T {
  const db = openDatabase(file, version === undefined ? {} : { targetVersion: version });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export interface Upgrade {
  /** The version the old kiosk was at (usually the migration's number minus one step). */
  from: number;
  /** The rows the old kiosk had: SQL, or a function given the old database. */
  seed?: string | ((old: Db) => void);
  /** The version to migrate to; the latest when left out. */
  to?: number;
}

/** Seeds `file` at `from`, closes it, opens it again at `to` and hands it to `check`. */
export function upgrade<T>(file: string, { from, seed, to }: Upgrade, check: (db: Db) => T): T {
  openAt(file, from, (old) => {
    if (typeof seed === 'string') old.exec(seed);
    else seed?.(old);
  });
  return openAt(file, to, check);
}
