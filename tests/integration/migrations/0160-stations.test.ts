import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, userVersion } from '../../../src/core/db/open';
import { tempDir } from '../../support/fixed';

describe('migration 160: stations, request log, queue', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('adds the tables empty, strict and checked, and leaves existing slips alone', () => {
    const file = join(dir.path, 'm.sqlite');
    const old = openDatabase(file, { targetVersion: 150 });
    const slips = (old.prepare('SELECT COUNT(*) AS n FROM slips').get() as { n: number }).n;
    old.close();
    const db = openDatabase(file, { targetVersion: 160 });
    try {
      expect(userVersion(db)).toBe(160);
      expect((db.prepare('SELECT COUNT(*) AS n FROM slips').get() as { n: number }).n).toBe(slips);
      for (const table of ['station_config', 'stations', 'request_log', 'queue_settings', 'queue_days', 'queue_tickets']) {
        expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      }
      expect(() => db.prepare("INSERT INTO stations (id, name, role, credential_hash, paired_at) VALUES ('s', 'n', 'boss', x'00', 't')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO station_config (id, address, port, cert_der, key_der) VALUES (2, 'a', 1, x'00', x'00')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO queue_settings (id, mode) VALUES (1, 'shortest')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO request_log (request_id, channel, result, at) VALUES ('r', 'c', x'00', 't')").run()).toThrow(/cannot store BLOB/);
      db.prepare("INSERT INTO stations (id, name, role, credential_hash, paired_at) VALUES ('s', 'n', 'screen', x'00', 't')").run();
      expect(() => db.prepare("INSERT INTO stations (id, name, role, credential_hash, paired_at) VALUES ('s2', 'n', 'screen', x'00', 't')").run()).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
