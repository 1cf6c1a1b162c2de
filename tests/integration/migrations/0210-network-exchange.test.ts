import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 210: network exchange', () => {
  const dbFile = migrationFolder();

  it('keeps every known hub, with no device and waiting for a look, and logs arrivals', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 200,
        to: 210,
        seed: (old) => {
          old
            .prepare(
              "INSERT INTO known_sites (id, name, public_key, fingerprint, trusted, first_seen_at) VALUES ('s1', 'Hub', x'00', 'F', 1, 't')",
            )
            .run();
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(210);
        expect(db.prepare('SELECT id, trusted, syncthing_device, syncthing_linked, auto_apply FROM known_sites').all()).toEqual([
          { id: 's1', trusted: 1, syncthing_device: null, syncthing_linked: 0, auto_apply: 0 },
        ]);
        expect(() => db.prepare("UPDATE known_sites SET auto_apply = 2 WHERE id = 's1'").run()).toThrow(/CHECK/);
        const settings = db.prepare(
          "INSERT INTO network_settings (id, enabled, folder, api_url, api_key, updated_at) VALUES (?, 1, '/x', 'http://127.0.0.1:8384', 'k', 't')",
        );
        settings.run(1);
        expect(() => settings.run(2)).toThrow(/CHECK/);
        const arrival = db.prepare("INSERT INTO exchange_arrivals (id, file_name, sha256, status, at) VALUES (?, 'f', 'x', ?, 't')");
        arrival.run('a1', 'refused');
        expect(() => arrival.run('a2', 'lost')).toThrow(/CHECK/);
      },
    );
  });
});
