import { describe, expect, it } from 'vitest';
import { LIVE_SQL } from '../../../src/core/board/board-sql';
import { userVersion } from '../../../src/core/db/open';
import { migrationFolder, upgrade } from '../../support/migration';

const NOW = '2026-11-28T10:00:00.000Z';
const CUTOFF = '2026-10-31T10:00:00.000Z'; // now - 28 days

/** The board's rule as written before 290, with no shortcut: the answer LIVE_SQL must keep. */
const PLAIN_RULE = `(CASE
  WHEN n.renewed_at IS NOT NULL THEN n.renewed_at > @cutoff
  WHEN n.expires_at IS NOT NULL THEN n.expires_at > @now
  ELSE n.created_at > @cutoff END)`;

// Every way an entry can be live or not: old and new, renewed or not, with intake's own expiry
// before or after now (a short expiry on a new entry, a long one on an old entry).
const ENTRIES: [id: string, created: string, renewed: string | null, expires: string | null][] = [
  ['old', '2022-03-01T09:00:00.000Z', null, null],
  ['new', '2026-11-20T09:00:00.000Z', null, null],
  ['old-renewed', '2023-01-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z', null],
  ['old-renewed-long-ago', '2023-01-01T09:00:00.000Z', '2024-01-01T09:00:00.000Z', null],
  ['new-short-expiry', '2026-11-25T09:00:00.000Z', null, '2026-11-27T09:00:00.000Z'],
  ['old-long-expiry', '2026-09-01T09:00:00.000Z', null, '2026-12-15T09:00:00.000Z'],
  ['renewed-over-expiry', '2026-09-01T09:00:00.000Z', '2026-11-10T09:00:00.000Z', '2026-09-05T09:00:00.000Z'],
];

describe('migration 290: live entries', () => {
  const dbFile = migrationFolder();

  it('keeps every entry and answers "still live" exactly as the plain rule, as two index ranges', () => {
    upgrade(
      dbFile(),
      {
        from: 280,
        to: 290,
        seed: (old) => {
          const insert = old.prepare(
            `INSERT INTO needs_offers (id, origin_site, kind, category, status, created_at, renewed_at, expires_at)
             VALUES (?, 's', 'need', 'ride', 'open', ?, ?, ?)`,
          );
          for (const [id, created, renewed, expires] of ENTRIES) insert.run(id, created, renewed, expires);
        },
      },
      (db) => {
        expect(userVersion(db)).toBe(290);
        expect(db.prepare('SELECT COUNT(*) AS n FROM needs_offers').get()).toEqual({ n: ENTRIES.length });
        const p = { now: NOW, cutoff: CUTOFF };
        const ids = (where: string) =>
          (db.prepare(`SELECT id FROM needs_offers n WHERE n.status = 'open' AND ${where} ORDER BY id`).all(p) as { id: string }[]).map(
            (r) => r.id,
          );
        expect(ids(LIVE_SQL)).toEqual(ids(PLAIN_RULE));
        expect(ids(LIVE_SQL)).toEqual(['new', 'old-long-expiry', 'old-renewed', 'renewed-over-expiry']);

        const plan = (
          db
            .prepare(`EXPLAIN QUERY PLAN SELECT id FROM needs_offers n WHERE n.kind = 'need' AND n.status = 'open' AND ${LIVE_SQL}`)
            .all(p) as {
            detail: string;
          }[]
        ).map((r) => r.detail);
        expect(plan.join('\n')).toMatch(/MULTI-INDEX OR/);
        expect(plan.join('\n')).toMatch(/needs_offers_started \(status=\? AND <expr>>\?\)/);
        expect(plan.join('\n')).toMatch(/needs_offers_expires \(status=\? AND expires_at>\?\)/);
      },
    );
  });

  it("reads what was given out per item as a covering range of the ledger's own index", () => {
    upgrade(dbFile(), { from: 280, to: 290 }, (db) => {
      const plan = (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT item_id, -SUM(qty) FROM movements
             WHERE item_id IN ('a', 'b') AND at >= '2026-11-01' AND kind = 'distribute' GROUP BY item_id`,
          )
          .all() as { detail: string }[]
      ).map((r) => r.detail);
      expect(plan.join('\n')).toMatch(/SEARCH movements USING COVERING INDEX movements_given \(item_id=\? AND at>\?\)/);
    });
  });
});
