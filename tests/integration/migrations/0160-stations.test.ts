import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 160: stations, request log, queue', () => {
  const dbFile = migrationFolder();

  it('adds the tables empty, strict and checked, and leaves existing slips alone', () => {
    const file = dbFile();
    let slips = -1;
    upgrade(
      file,
      {
        from: 150,
        to: 160,
        seed: (old) => {
          slips = (old.prepare('SELECT COUNT(*) AS n FROM slips').get() as { n: number }).n;
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(160);
        expect((db.prepare('SELECT COUNT(*) AS n FROM slips').get() as { n: number }).n).toBe(slips);
        for (const table of ['station_config', 'stations', 'request_log', 'queue_settings', 'queue_days', 'queue_tickets']) {
          expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
        }
        expect(() =>
          db.prepare("INSERT INTO stations (id, name, role, credential_hash, paired_at) VALUES ('s', 'n', 'boss', x'00', 't')").run(),
        ).toThrow(/CHECK/);
        expect(() =>
          db.prepare("INSERT INTO station_config (id, address, port, cert_der, key_der) VALUES (2, 'a', 1, x'00', x'00')").run(),
        ).toThrow(/CHECK/);
        expect(() => db.prepare("INSERT INTO queue_settings (id, mode) VALUES (1, 'shortest')").run()).toThrow(/CHECK/);
        expect(() => db.prepare("INSERT INTO request_log (request_id, channel, result, at) VALUES ('r', 'c', x'00', 't')").run()).toThrow(
          /cannot store BLOB/,
        );
        db.prepare("INSERT INTO stations (id, name, role, credential_hash, paired_at) VALUES ('s', 'n', 'screen', x'00', 't')").run();
        expect(() =>
          db.prepare("INSERT INTO stations (id, name, role, credential_hash, paired_at) VALUES ('s2', 'n', 'screen', x'00', 't')").run(),
        ).toThrow(/UNIQUE/);
      },
    );
  });
});
