import { describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

describe('migration 280: queue tables', () => {
  const file = migrationFolder();

  it('keeps the day’s tickets and their calls, with no table for calls made before it', () => {
    upgrade(
      file(),
      {
        from: 270,
        // Tickets only, as the queue holds them (their slips are not what this migration touches).
        seed: `
          PRAGMA foreign_keys = OFF;
          INSERT INTO queue_tickets (slip_id, day, number, call_order, called_at, calls) VALUES ('s1', '2026-11-28', 1, 1, '2026-11-28T10:00:00.000Z', 1);
          INSERT INTO queue_tickets (slip_id, day, number, call_order, called_at, calls) VALUES ('s2', '2026-11-28', 2, 2, NULL, 0);
        `,
        to: 280,
      },
      (db) => {
        expect(userVersion(db)).toBe(280);
        expect(db.prepare('SELECT slip_id, number, called_at, calls, called_table FROM queue_tickets ORDER BY number').all()).toEqual([
          { slip_id: 's1', number: 1, called_at: '2026-11-28T10:00:00.000Z', calls: 1, called_table: null },
          { slip_id: 's2', number: 2, called_at: null, calls: 0, called_table: null },
        ]);
        db.prepare("UPDATE queue_tickets SET called_table = '3' WHERE slip_id = 's2'").run();
        expect(() => db.prepare("UPDATE queue_tickets SET called_table = '' WHERE slip_id = 's2'").run()).toThrow();
        expect(() => db.prepare('UPDATE queue_tickets SET called_table = ? WHERE slip_id = ?').run('x'.repeat(41), 's2')).toThrow();
      },
    );
  });
});
