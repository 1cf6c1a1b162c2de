import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { PRINTED_SLIPS_DIR, prunePrintedCopies, pruneHistory } from '../../src/core/retention/retention';
import { FixedClock, seededKeys, sequentialIds } from '../support/fixed';
import { makeCore, type TestCore } from '../support/core';

// Issue 15.3 "retention": history no report and no screen reads is removed, and nothing else.
// The clock stands at 2026-11-28; the report horizon is ten years (3660 days) back: 2016-12-02.
describe('retention', () => {
  let t: TestCore;
  let session: string;
  beforeEach(async () => {
    t = makeCore();
    session = await t.setUp(['en']);
  });
  afterEach(() => t.dispose());

  const site = () => (t.core.ctx.db.prepare('SELECT id FROM site').get() as { id: string }).id;
  function entry(
    id: string,
    kind: 'need' | 'offer',
    createdAt: string,
    more: { status?: string; closedAt?: string; renewedAt?: string } = {},
  ) {
    t.core.ctx.db
      .prepare(
        `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, status, created_at, closed_at, renewed_at, source)
         VALUES (?, ?, ?, 'ride', ?, '["en"]', ?, ?, ?, ?, 'volunteer')`,
      )
      .run(id, site(), kind, `${kind} ${id}`, more.status ?? 'open', createdAt, more.closedAt ?? null, more.renewedAt ?? null);
  }
  function match(id: string, needId: string, offerId: string, state: string, updatedAt: string) {
    t.core.ctx.db
      .prepare(
        `INSERT INTO board_matches (id, origin_site, need_id, offer_id, state, why, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '[]', ?, ?)`,
      )
      .run(id, site(), needId, offerId, state, updatedAt, updatedAt);
  }
  const ids = (table: string) => t.core.ctx.db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
  const figures = async () => {
    const period = { from: '2016-12-02', to: '2026-11-28' };
    const report = await t.call('month.report', period, session);
    const charts = await t.call('month.charts', { ...period, language: 'en' }, session);
    const board = await t.call('board.list', {}, session);
    return { report, charts, board };
  };

  it('removes needs, offers and matches older than the report horizon, and the reports and the board read the same figures after', async () => {
    entry('ancient-need', 'need', '2014-01-01T10:00:00.000Z', { status: 'met', closedAt: '2014-02-01T10:00:00.000Z' });
    entry('ancient-offer', 'offer', '2014-01-01T10:00:00.000Z');
    match('m-ancient', 'ancient-need', 'ancient-offer', 'done', '2014-02-01T10:00:00.000Z');
    // Made long ago but renewed this month: on the board today.
    entry('ancient-renewed', 'offer', '2014-03-01T10:00:00.000Z', { renewedAt: '2026-11-20T10:00:00.000Z' });
    // Made long ago, matched within the horizon: the 2020 report counts that match.
    entry('ancient-asked', 'need', '2014-04-01T10:00:00.000Z', { status: 'met', closedAt: '2020-05-01T10:00:00.000Z' });
    entry('offer-2020', 'offer', '2020-04-01T10:00:00.000Z');
    match('m-2020', 'ancient-asked', 'offer-2020', 'done', '2020-05-01T10:00:00.000Z');
    // Closed just inside the horizon.
    entry('closed-2017', 'need', '2016-11-01T10:00:00.000Z', { status: 'withdrawn', closedAt: '2017-01-01T10:00:00.000Z' });
    entry('this-week', 'need', '2026-11-25T10:00:00.000Z');

    const before = await figures();
    expect(pruneHistory(t.core.ctx)).toEqual({ entries: 2, matches: 1 });
    expect(ids('needs_offers')).toEqual(['ancient-asked', 'ancient-renewed', 'closed-2017', 'offer-2020', 'this-week']);
    expect(ids('board_matches')).toEqual(['m-2020']);
    expect(await figures()).toEqual(before);
    // The figures are about these rows: the 2020 match is counted, the board shows the renewed offer.
    expect(JSON.stringify(before.report)).toMatch(/"needsMet":1,"offersMatched":1/);
    expect(JSON.stringify(before.board)).toContain('ancient-renewed');
    // A second pass finds nothing more.
    expect(pruneHistory(t.core.ctx)).toEqual({ entries: 0, matches: 0 });
  });

  it('removes printed-slip copies older than ninety days, and nothing else in the folder', async () => {
    const dir = join(t.dir, PRINTED_SLIPS_DIR);
    mkdirSync(dir);
    const now = t.clock.now();
    const at = (file: string, daysAgo: number) => {
      writeFileSync(join(dir, file), 'pdf');
      const when = new Date(now.getTime() - daysAgo * 86_400_000);
      utimesSync(join(dir, file), when, when);
    };
    at('OLD-1.pdf', 200);
    at('OLD-2.pdf', 91);
    at('RECENT.pdf', 30);
    at('notes.txt', 400);
    expect(await prunePrintedCopies(t.dir, now)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['RECENT.pdf', 'notes.txt']);
    // No folder yet (nothing ever printed): nothing to do.
    expect(await prunePrintedCopies(join(t.dir, 'nowhere'), now)).toBe(0);
  });

  it('runs when the kiosk starts', async () => {
    entry('ancient-need', 'need', '2014-01-01T10:00:00.000Z', { status: 'withdrawn', closedAt: '2014-02-01T10:00:00.000Z' });
    t.core.close();
    const clock = new FixedClock();
    const again = createCore({ db: openDatabase(t.file), clock, ids: sequentialIds(clock, 'again'), keys: seededKeys() });
    // dispose() closes the new core (the old one is closed).
    t.core = again;
    expect(again.ctx.db.prepare("SELECT COUNT(*) FROM needs_offers WHERE id = 'ancient-need'").pluck().get()).toBe(0);
  });
});
