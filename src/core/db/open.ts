import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

/**
 * Opens the site's database: WAL so readers never block the writer, synchronous=FULL so a
 * confirmed write survives a power cut, foreign keys on, a quick_check before anything else,
 * then forward-only migrations in one transaction.
 */
export function openDatabase(file: string | Buffer, options: OpenOptions = {}): Db {
  // A Buffer is a serialized image opened in memory (a backup being restored): never on disk.
  const label = typeof file === 'string' ? file : '(in memory)';
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new AppError('db.corrupt', `cannot open database ${label}: ${(err as Error).message}`);
  }
  try {
    // Reading the header is the first thing that fails on a file that is not a database.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('db.corrupt', `quick_check: ${String(check)}`);
    migrate(db, options.migrations ?? MIGRATIONS, options.targetVersion);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('db.corrupt', `database ${label} is damaged: ${(err as Error).message}`);
  }
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[], target?: number): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = userVersion(db);
  if (current > latest) {
    throw new AppError(
      'db.too_new',
      `database is at version ${current}, this kiosk knows up to ${latest}: update the app`,
      { found: current, known: latest },
    );
  }
  const pending = migrations.filter((m) => m.version > current && (target === undefined || m.version <= target));
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

export { LATEST_VERSION };
