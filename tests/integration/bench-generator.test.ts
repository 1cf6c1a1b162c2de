import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { cachePath, checkConsistency, generateSite, NOW } from '../../bench/scale-data';
import { LATEST_VERSION } from '../../src/core/db/migrations/index';
import { DEMO_LOCALES } from '../../src/core/demo/catalogue';
import { dayNumber } from '../../src/shared/time';
import { tempDir } from '../support/fixed';

// The smallest site the generator makes: fast, and still five years of history.
const TINY = { items: 80, households: 40, slips: 300 };
const dir = tempDir('kiosk-bench-gen-');
const a = generateSite(`${dir.path}/a`, TINY);
afterAll(() => {
  a.core.close();
  dir.remove();
});

function digest(db: typeof a.core.ctx.db): string {
  const h = createHash('sha256');
  for (const sql of [
    'SELECT id, short_code, payload, issued_at, household_id FROM slips ORDER BY id',
    'SELECT * FROM slip_lines ORDER BY slip_id, item_id',
    'SELECT * FROM redemption_lines ORDER BY slip_id, item_id',
    'SELECT id, item_id, lot_id, kind, qty, slip_id, at FROM movements ORDER BY id',
    'SELECT id, kind, category, detail, languages, status, created_at FROM needs_offers ORDER BY id',
    'SELECT item_id, locale, name FROM item_names ORDER BY item_id, locale',
  ]) {
    h.update(JSON.stringify(db.prepare(sql).all()));
  }
  return h.digest('hex');
}

const one = (sql: string, ...p: unknown[]) => a.core.ctx.db.prepare(sql).get(...p) as Record<string, number | string>;

describe('bench generator', () => {
  it('makes the same site from the same seed, and another from another seed', () => {
    const b = generateSite(`${dir.path}/b`, TINY);
    const c = generateSite(`${dir.path}/c`, TINY, 2);
    try {
      expect(digest(b.core.ctx.db)).toBe(digest(a.core.ctx.db));
      expect(digest(c.core.ctx.db)).not.toBe(digest(a.core.ctx.db));
    } finally {
      b.core.close();
      c.core.close();
    }
  });

  it('keeps on_hand, item_stock and reservations equal to what they are derived from', () => {
    expect(checkConsistency(a.core.ctx.db)).toEqual([]);
  });

  it('notices when a maintained table drifts from the ledger', () => {
    const b = generateSite(`${dir.path}/d`, TINY);
    try {
      b.core.ctx.db.prepare('UPDATE on_hand SET qty = qty + 1 WHERE rowid = (SELECT MIN(rowid) FROM on_hand)').run();
      expect(checkConsistency(b.core.ctx.db).join()).toMatch(/on_hand differs from the ledger/);
    } finally {
      b.core.close();
    }
  });

  it('plays five years of distribution days with slips, lines, redemptions, needs and offers', () => {
    const first = one('SELECT MIN(issued_at) AS t, MAX(issued_at) AS u, COUNT(DISTINCT issue_day) AS days FROM slips');
    expect(Date.parse(String(first.t))).toBeLessThan(NOW - 4.9 * 365 * 86_400_000);
    expect(Date.parse(String(first.u))).toBeLessThanOrEqual(NOW);
    expect(Number(first.days)).toBeGreaterThan(100);
    // Visits through the morning, not one timestamp for all.
    expect(Number(one('SELECT COUNT(DISTINCT at) AS n FROM visits').n)).toBe(Number(one('SELECT COUNT(*) AS n FROM visits').n));
    const slips = Number(one('SELECT COUNT(*) AS n FROM slips').n);
    const past = Number(one('SELECT COUNT(*) AS n FROM slips WHERE issue_day < ?', dayNumber(new Date(NOW))).n);
    const redeemed = Number(one('SELECT COUNT(*) AS n FROM redemptions').n);
    expect(redeemed / past).toBeGreaterThan(0.94);
    expect(redeemed / past).toBeLessThan(0.995);
    expect(Number(one('SELECT COUNT(*) AS n FROM slip_lines').n)).toBeGreaterThan(slips * 2);
    expect(Number(one("SELECT COUNT(*) AS n FROM movements WHERE kind = 'distribute' AND slip_id IS NOT NULL").n)).toBeGreaterThan(
      redeemed,
    );
    const board = one(
      "SELECT SUM(kind = 'need') AS needs, SUM(kind = 'offer') AS offers, SUM(status <> 'open') AS closed, SUM(created_at > ?) AS live FROM needs_offers",
      new Date(NOW - 28 * 86_400_000).toISOString(),
    );
    expect(Number(board.needs)).toBeGreaterThan(0);
    expect(Number(board.offers)).toBeGreaterThan(0);
    expect(Number(board.closed)).toBeGreaterThan(0);
    expect(Number(board.live)).toBeGreaterThan(0);
  });

  it('names items in every shipped language, in their own scripts', () => {
    const locales = (a.core.ctx.db.prepare('SELECT DISTINCT locale FROM item_names').all() as { locale: string }[])
      .map((r) => r.locale)
      .sort();
    expect(locales).toEqual([...DEMO_LOCALES].sort());
    for (const [locale, script] of [
      ['ar', /\p{Script=Arabic}/u],
      ['zh-Hans', /\p{Script=Han}/u],
      ['uk', /\p{Script=Cyrillic}/u],
      ['vi', /[ăâđêôơư]/u],
    ] as const) {
      const names = (a.core.ctx.db.prepare('SELECT name FROM item_names WHERE locale = ?').all(locale) as { name: string }[]).map(
        (r) => r.name,
      );
      expect(names.some((n) => script.test(n))).toBe(true);
    }
  });

  it("signs real slips: this morning's open slips scan and redeem through the core, and the tables stay consistent", () => {
    const open = a.core.ctx.db
      .prepare(
        'SELECT id, payload, short_code FROM slips s WHERE issue_day = ? AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id) LIMIT 3',
      )
      .all(dayNumber(new Date(NOW))) as { id: string; payload: string; short_code: string }[];
    expect(open.length).toBe(3);
    const view = a.core.services.slips.lookup(open[0]!.payload);
    expect(view.shortCode).toBe(open[0]!.short_code);
    expect(view.status.state).toBe('issued');
    expect(view.pickList.every((l) => l.lots.reduce((s, x) => s + x.qty, 0) === l.qty)).toBe(true);
    const done = a.core.services.slips.redeem(open[1]!.id, '1', null);
    expect(done.status.state).toBe('redeemed');
    // An old, redeemed slip scans too, with the lots it was given from.
    const old = one('SELECT payload FROM slips s JOIN redemptions r ON r.slip_id = s.id ORDER BY s.issued_at LIMIT 1');
    expect(a.core.services.slips.lookup(String(old.payload)).status.state).toBe('redeemed');
    expect(checkConsistency(a.core.ctx.db)).toEqual([]);
  });
});

describe('the seed cache', () => {
  it('is keyed by the schema, so a new migration never reuses a file seeded under the old one', () => {
    const scale = { items: 10, households: 10, slips: 10 };
    expect(cachePath(scale)).toBe(cachePath(scale, 1, LATEST_VERSION));
    expect(cachePath(scale, 1, LATEST_VERSION)).not.toBe(cachePath(scale, 1, LATEST_VERSION + 10));
    expect(cachePath(scale, 1, LATEST_VERSION)).not.toBe(cachePath({ ...scale, slips: 11 }, 1, LATEST_VERSION));
  });
});
