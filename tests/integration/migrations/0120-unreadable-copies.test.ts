import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

const T = '2026-11-28T09:00:00.000Z';
const line = (t: string, id: string, d: unknown) => `c2lnbmF0dXJl ${JSON.stringify({ t, id, o: 'east', v: 1, u: T, d })}`;

describe('migration 120: copies no screen could show', () => {
  const dbFile = migrationFolder();

  it('withdraws unreadable offers, marks unreadable units, forgets their lines, and leaves the rest alone', () => {
    const file = dbFile();
    upgrade(
      file,
      {
        from: 119,
        to: 120,
        seed: (old) => {
          old.exec(`INSERT INTO site (singleton, id, name, settings, created_at) VALUES (1, 'me', 'Northside', '{}', '${T}')`);
          const item = old.prepare('INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
          item.run('own', 'me', ' ', T, T);
          item.run('blank', 'east', ' ', T, T);
          item.run('escape', 'east', 'kg\u001b[2J', T, T);
          item.run('crate', 'east', 'crate', T, T);
          const offer = old.prepare(
            "INSERT INTO needs_offers (id, origin_site, kind, category, shareable, status, created_at, expires_at) VALUES (?, ?, 'offer', 'ride', 1, 'open', ?, ?)",
          );
          offer.run('own-offer', 'me', 'whenever', null);
          offer.run('no-date', 'east', 'not a date', null);
          offer.run('feb-30', 'east', T, '2026-02-30T10:00:00.000Z');
          offer.run('fine', 'east', T, '2026-12-28T09:00:00.000Z');
          const rec = old.prepare(
            "INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES (?, ?, 'east', 1, 'x', ?, ?)",
          );
          for (const id of ['blank', 'escape', 'crate']) rec.run('item', id, line('item', id, { unit: 'as stored' }), T);
          for (const id of ['no-date', 'feb-30', 'fine']) rec.run('need_offer', id, line('need_offer', id, {}), T);
          rec.run('weekly', 'east:2026-13-01', line('weekly', 'east:2026-13-01', { week: '2026-13-01' }), T);
          rec.run('weekly', 'east:2026-11-23', line('weekly', 'east:2026-11-23', { week: '2026-11-23' }), T);
          rec.run('board', 'east', line('board', 'east', { items: [{ itemId: 'crate', kind: 'need', qty: 2, unit: '' }] }), T);
          rec.run('board', 'west', line('board', 'west', { items: [{ itemId: 'crate', kind: 'need', qty: 2, unit: 'crate' }] }), T);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(120);
        expect(db.prepare('SELECT id, unit FROM items ORDER BY id').all()).toEqual([
          { id: 'blank', unit: '?' },
          { id: 'crate', unit: 'crate' },
          { id: 'escape', unit: '?' },
          { id: 'own', unit: ' ' },
        ]);
        expect(db.prepare('SELECT id, status, created_at, expires_at FROM needs_offers ORDER BY id').all()).toEqual([
          { id: 'feb-30', status: 'withdrawn', created_at: '1970-01-01T00:00:00.000Z', expires_at: null },
          { id: 'fine', status: 'open', created_at: T, expires_at: '2026-12-28T09:00:00.000Z' },
          { id: 'no-date', status: 'withdrawn', created_at: '1970-01-01T00:00:00.000Z', expires_at: null },
          { id: 'own-offer', status: 'open', created_at: 'whenever', expires_at: null },
        ]);
        expect(db.prepare('SELECT type, id FROM exchange_records ORDER BY type, id').all()).toEqual([
          { type: 'board', id: 'west' },
          { type: 'item', id: 'crate' },
          { type: 'need_offer', id: 'fine' },
          { type: 'weekly', id: 'east:2026-11-23' },
        ]);
      },
    );
  });
});
