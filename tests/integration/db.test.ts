import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeDatabase, closedCleanly, openDatabase, userVersion } from '../../src/core/db/open';
import { LATEST_VERSION, MIGRATIONS } from '../../src/core/db/migrations/index';
import { AppError } from '../../src/core/errors';
import { tempDir } from '../support/fixed';

describe('opening the site database', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('sets WAL, synchronous=FULL and foreign keys, and migrates to the latest version', () => {
    const db = openDatabase(join(dir.path, 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('registers migrations in tens, in order', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      if (i > 0) expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
  });

  it('makes every table STRICT', () => {
    const db = openDatabase(join(dir.path, 'a.sqlite'));
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
    db.close();
  });

  it('opens again without migrating twice', () => {
    const file = join(dir.path, 'a.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database newer than the code with a clear message', () => {
    const file = join(dir.path, 'future.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'db.too_new', params: { found: LATEST_VERSION + 10, known: LATEST_VERSION } });
    expect((error as Error).message).toMatch(/update the app/);
  });

  it('refuses a file that is not a database with db.corrupt, not a crash', () => {
    const file = join(dir.path, 'junk.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'db.corrupt' }) as Error);
  });

  it('rolls a failing migration back whole', () => {
    const file = join(dir.path, 'b.sqlite');
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 10, name: 'broken', sql: 'CREATE TABLE x (a INTEGER) STRICT; SELECT nope FROM nowhere;' },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });

  describe('the integrity check at start', () => {
    /** An injected check that records when it ran and answers as told. */
    const checker = (answer = 'ok') => {
      const runs: string[] = [];
      return { runs, check: (db: Database.Database) => (runs.push(db.name), answer) };
    };

    it('is skipped after a clean shutdown, so a large file opens without being read whole', () => {
      const file = join(dir.path, 'clean.sqlite');
      closeDatabase(openDatabase(file));
      const c = checker();
      const db = openDatabase(file, { integrityCheck: c.check });
      expect(c.runs).toEqual([]);
      // Open again: until the next clean close, a stop counts as unclean.
      expect(closedCleanly(db)).toBe(false);
      closeDatabase(db);
    });

    it('runs after an unclean shutdown (the app never reached close)', () => {
      const file = join(dir.path, 'crash.sqlite');
      const first = openDatabase(file);
      // A crash: the process dies with the database open; closing the handle without the
      // marker is what the file looks like afterwards.
      first.close();
      const c = checker();
      closeDatabase(openDatabase(file, { integrityCheck: c.check }));
      expect(c.runs).toEqual([file]);
      // That clean close counts: the next start skips the check again.
      const again = checker();
      closeDatabase(openDatabase(file, { integrityCheck: again.check }));
      expect(again.runs).toEqual([]);
    });

    it('runs on a database from before the marker, and refuses a damaged one with db.corrupt', () => {
      const file = join(dir.path, 'old.sqlite');
      closeDatabase(openDatabase(file, { targetVersion: 80 }));
      const c = checker('*** in database main *** Page 7: btreeInitPage() returns error code 11');
      let error: unknown;
      try {
        openDatabase(file, { integrityCheck: c.check });
      } catch (err) {
        error = err;
      }
      expect(c.runs).toEqual([file]);
      expect(error).toMatchObject({ code: 'db.corrupt' });
      // Refused before migrating: the file is as it was.
      const raw = new Database(file);
      expect(raw.pragma('user_version', { simple: true })).toBe(80);
      raw.close();
    });

    it('the kiosk core closes cleanly', async () => {
      const { createCore } = await import('../../src/core/index');
      const file = join(dir.path, 'core.sqlite');
      createCore({ db: openDatabase(file) }).close();
      const c = checker();
      closeDatabase(openDatabase(file, { integrityCheck: c.check }));
      expect(c.runs).toEqual([]);
    });
  });
});
