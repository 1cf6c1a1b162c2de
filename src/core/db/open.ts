import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { cacheStatements } from './statement-cache';

export type Db = Database.Database;

export interface OpenOptions {
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /**
   * The integrity check run after an unclean shutdown: SQLite's quick_check by default, which
   * reads the whole file. Returns 'ok' or what is wrong. Tests inject one to see when it runs.
   */
  integrityCheck?: (db: Db) => string;
}

function quickCheck(db: Db): string {
  return String(db.pragma('quick_check', { simple: true }));
}

/**
 * Tables that describe this file, not the hub (whether it was closed cleanly): a backup restored
 * into another file never copies them over that file's own.
 */
export const FILE_STATE_TABLES: ReadonlySet<string> = new Set(['db_lifecycle']);

function hasLifecycle(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'db_lifecycle'").get() !== undefined;
}

/** Whether the last session ended in closeDatabase (a database from before the marker did not). */
export function closedCleanly(db: Db): boolean {
  if (!hasLifecycle(db)) return false;
  const row = db.prepare('SELECT closed_cleanly FROM db_lifecycle WHERE singleton = 1').get() as { closed_cleanly: number } | undefined;
  return row?.closed_cleanly === 1;
}

/**
 * Closes the database, saying so first: the next start then skips the full-file check. Only
 * the host's orderly shutdown calls this; a crash never gets here, so the check runs next time.
 */
export function closeDatabase(db: Db): void {
  try {
    if (db.open && !db.inTransaction && hasLifecycle(db)) db.prepare('UPDATE db_lifecycle SET closed_cleanly = 1').run();
  } catch {
    // Not recorded (a full disk, say): the next start then runs the check, the safe outcome.
  } finally {
    if (db.open) db.close();
  }
}

/**
 * Opens the site's database: WAL so readers never block the writer, synchronous=FULL so a
 * confirmed write survives a power cut, foreign keys on, an integrity check before anything
 * else when the last session did not close cleanly (reading a five-year file on every start
 * would delay the first screen for nothing), then forward-only migrations in one transaction.
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
    if (!closedCleanly(db)) {
      const check = (options.integrityCheck ?? quickCheck)(db);
      if (check !== 'ok') throw new AppError('db.corrupt', `integrity check: ${check}`);
    }
    migrate(db, options.migrations ?? MIGRATIONS, options.targetVersion);
    cacheStatements(db);
    // From here until closeDatabase, a stop counts as unclean.
    if (hasLifecycle(db)) db.prepare('UPDATE db_lifecycle SET closed_cleanly = 0').run();
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
    throw new AppError('db.too_new', `database is at version ${current}, this kiosk knows up to ${latest}: update the app`, {
      found: current,
      known: latest,
    });
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
