import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, userVersion, type Db } from '../../../src/core/db/open';
import { migrationFolder } from '../../support/migration';

describe('migration 10: foundation', () => {
  // The first migration has no older kiosk to upgrade: each test starts from an empty file.
  const dbFile = migrationFolder();
  let db: Db;
  beforeEach(() => {
    db = openDatabase(dbFile(), { targetVersion: 10 });
  });
  afterEach(() => db.close());

  const item = () => {
    db.prepare("INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES ('i1', 's', 'can', 't', 't')").run();
  };

  it('is at version 10', () => {
    expect(userVersion(db)).toBe(10);
  });

  it('keeps the stock ledger append-only', () => {
    item();
    db.prepare("INSERT INTO movements (id, item_id, kind, qty, at) VALUES ('m1', 'i1', 'receive', 5, 't')").run();
    expect(() => db.prepare("UPDATE movements SET qty = 50 WHERE id = 'm1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM movements WHERE id = 'm1'").run()).toThrow(/append-only/);
  });

  it('refuses unknown movement kinds, zero quantities and dangling items', () => {
    item();
    expect(() => db.prepare("INSERT INTO movements (id, item_id, kind, qty, at) VALUES ('m', 'i1', 'steal', 1, 't')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO movements (id, item_id, kind, qty, at) VALUES ('m', 'i1', 'receive', 0, 't')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO movements (id, item_id, kind, qty, at) VALUES ('m', 'nope', 'receive', 1, 't')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('allows one site row and one redemption per slip', () => {
    db.prepare("INSERT INTO site (singleton, id, name, settings, created_at) VALUES (1, 's', 'Hub', '{}', 't')").run();
    expect(() =>
      db.prepare("INSERT INTO site (singleton, id, name, settings, created_at) VALUES (2, 's2', 'Hub', '{}', 't')").run(),
    ).toThrow();
    db.prepare("INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, x'00', x'00', 't')").run();
    db.prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h', 'en', 't', 't')").run();
    db.prepare("INSERT INTO visits (id, household_id, language, request_id, at) VALUES ('v', 'h', 'en', 'r', 't')").run();
    db.prepare(
      "INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at) VALUES ('s1', 'AAAA-BBBB', 1, 'v', 'h', 'en', 1, 2, '0', 't')",
    ).run();
    db.prepare("INSERT INTO redemptions (slip_id, at) VALUES ('s1', 't')").run();
    expect(() => db.prepare("INSERT INTO redemptions (slip_id, at) VALUES ('s1', 't2')").run()).toThrow(/UNIQUE|PRIMARY/);
  });

  it('holds no column for immigration status or ID numbers', () => {
    const columns = db.prepare("SELECT name FROM pragma_table_info('households')").all() as { name: string }[];
    const names = columns.map((c) => c.name).join(' ');
    expect(names).not.toMatch(/status|passport|ssn|id_number|immigration|document/i);
  });
});
