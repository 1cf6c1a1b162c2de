import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';
import { ALL_SLOTS } from '../../../src/shared/api/channels/board';
import { AFTERNOON, EVENING, MORNING, SAT, TUE, board, intakeRow, slot } from './helpers';

describe('board matching', () => {
  let t: TestCore;
  let b: ReturnType<typeof board>;
  let session: string;
  beforeEach(async () => {
    t = makeCore();
    session = await t.setUp(['en', 'ar', 'fa', 'es']);
    b = board(t, session);
  });
  afterEach(() => t.dispose());

  /** Sessions idle out after 15 minutes: after moving the clock by days, log in again. */
  const advanceDays = async (days: number, extraMs = 0) => {
    t.clock.advance(days * 86_400_000 + extraMs);
    const login = await t.call('auth.login', { pin: '1234' });
    if (!login.ok) throw new Error('login');
    session = (login.value as { token: string }).token;
    b = board(t, session);
  };

  it('suggests only offers of the same category', async () => {
    const need = await b.add({ kind: 'need', category: 'ride', languages: ['es'] });
    const ride = await b.add({ kind: 'offer', category: 'Ride ', languages: ['es'] });
    await b.add({ kind: 'offer', category: 'cooking', languages: ['es'] });
    const s = await b.suggest(need.id);
    expect(s.map((x) => x.offer.id)).toEqual([ride.id]);
    expect(s[0]?.why[0]).toEqual({ code: 'category', params: { category: 'ride' } });
  });

  it('needs a shared language; an offer that states none comes after one that shares', async () => {
    const need = await b.add({ kind: 'need', category: 'forms', languages: ['fa', 'en'] });
    const arabicOnly = await b.add({ kind: 'offer', category: 'forms', languages: ['ar'] });
    const unstated = await b.add({ kind: 'offer', category: 'forms', languages: [] });
    t.clock.advance(60_000);
    const dari = await b.add({ kind: 'offer', category: 'forms', languages: ['fa'] });
    const s = await b.suggest(need.id);
    // The Dari speaker is newer, yet ranks first: a shared language outranks age.
    expect(s.map((x) => x.offer.id)).toEqual([dari.id, unstated.id]);
    expect(s.map((x) => x.offer.id)).not.toContain(arabicOnly.id);
    expect(s[0]?.why).toContainEqual({ code: 'language', params: { languages: 'fa' } });
    expect(s[1]?.why).toContainEqual({ code: 'language_unstated', params: {} });
  });

  it('needs overlapping time windows; more overlap ranks higher, unstated time last', async () => {
    const need = await b.add({
      kind: 'need',
      category: 'ride',
      languages: ['en'],
      slots: slot(TUE, MORNING) | slot(TUE, AFTERNOON),
    });
    const evenings = await b.add({ kind: 'offer', category: 'ride', languages: ['en'], slots: slot(TUE, EVENING) });
    const mornings = await b.add({ kind: 'offer', category: 'ride', languages: ['en'], slots: slot(TUE, MORNING) | slot(SAT, MORNING) });
    const anytime = await b.add({ kind: 'offer', category: 'ride', languages: ['en'], slots: ALL_SLOTS });
    const unknown = await b.add({ kind: 'offer', category: 'ride', languages: ['en'] });
    const s = await b.suggest(need.id);
    expect(s.map((x) => x.offer.id)).toEqual([anytime.id, mornings.id, unknown.id]);
    expect(s.map((x) => x.offer.id)).not.toContain(evenings.id);
    expect(s[1]?.why).toContainEqual({ code: 'time', params: { slots: slot(TUE, MORNING) } });
    expect(s[2]?.why).toContainEqual({ code: 'time_unstated', params: {} });
  });

  it('reads free-text availability written at intake', async () => {
    intakeRow(t, { id: 'n1', kind: 'need', category: 'ride', languages: '["es"]', availability: 'Tuesday morning' });
    intakeRow(t, { id: 'o1', kind: 'offer', category: 'ride', languages: '["es","en"]', availability: 'weekday mornings' });
    intakeRow(t, { id: 'o2', kind: 'offer', category: 'ride', languages: '["es"]', availability: 'Saturdays' });
    intakeRow(t, { id: 'o3', kind: 'offer', category: 'ride', languages: 'not json', availability: 'whenever, call me' });
    const s = await b.suggest('n1');
    // o3's languages are unreadable (treated as unstated) and its time too: it still fits, last.
    expect(s.map((x) => x.offer.id)).toEqual(['o1', 'o3']);
  });

  it('needs overlapping date windows when both sides have one', async () => {
    const need = await b.add({ kind: 'need', category: 'furniture', dateFrom: '2026-12-01', dateUntil: '2026-12-05' });
    const early = await b.add({ kind: 'offer', category: 'furniture', dateFrom: '2026-11-28', dateUntil: '2026-11-30' });
    const overlapping = await b.add({ kind: 'offer', category: 'furniture', dateFrom: '2026-12-04', dateUntil: '2026-12-20' });
    const open = await b.add({ kind: 'offer', category: 'furniture' });
    const ids = (await b.suggest(need.id)).map((x) => x.offer.id);
    expect(ids).toContain(overlapping.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(early.id);
    const why = (await b.suggest(need.id)).find((x) => x.offer.id === overlapping.id)?.why;
    expect(why).toContainEqual({ code: 'dates', params: { from: '2026-12-04', until: '2026-12-05' } });
  });

  it('lets entries expire after the site-set time unless renewed', async () => {
    const s = await b.add({ kind: 'offer', category: 'cooking', languages: ['fa'] });
    const set = await t.call('board.set_settings', { expiryDays: 10, gapDays: 14, gapMinAsks: 3 }, session);
    expect(set.ok).toBe(true);
    await advanceDays(9);
    const need = await b.add({ kind: 'need', category: 'cooking', languages: ['fa'] });
    expect((await b.suggest(need.id)).map((x) => x.offer.id)).toEqual([s.id]);
    await advanceDays(1, 1);
    expect(await b.suggest(need.id)).toEqual([]);
    const view = await b.list();
    expect(view.offers.find((o) => o.id === s.id)?.expired).toBe(true);
    const renewed = await t.call('board.renew', { id: s.id }, session);
    expect(renewed.ok && (renewed.value as { expired: boolean }).expired).toBe(false);
    expect((await b.suggest(need.id)).map((x) => x.offer.id)).toEqual([s.id]);
    // The renewal gives a full period from now.
    await advanceDays(10, 1);
    expect(await b.suggest(need.id)).toEqual([]);
  });

  it('honours the expiry date intake wrote, and never suggests a household to itself', async () => {
    const db = t.core.ctx.db;
    db.prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES ('h1', 'en', 't', 't')").run();
    intakeRow(t, { id: 'n', kind: 'need', category: 'childcare', householdId: 'h1' });
    intakeRow(t, { id: 'own', kind: 'offer', category: 'childcare', householdId: 'h1' });
    intakeRow(t, { id: 'short', kind: 'offer', category: 'childcare', expiresAt: '2026-11-28T12:00:00.000Z' });
    expect((await b.suggest('n')).map((x) => x.offer.id)).toEqual(['short']);
    await advanceDays(0, 3 * 3_600_000);
    expect(await b.suggest('n')).toEqual([]);
  });

  it('ranks deterministically: ties fall to fewer matches in progress, then the older offer, then the id', async () => {
    const need1 = await b.add({ kind: 'need', category: 'tutoring', languages: ['en'] });
    const need2 = await b.add({ kind: 'need', category: 'tutoring', languages: ['en'] });
    const older = await b.add({ kind: 'offer', category: 'tutoring', languages: ['en'] });
    t.clock.advance(1000);
    const newer = await b.add({ kind: 'offer', category: 'tutoring', languages: ['en'] });
    expect((await b.suggest(need1.id)).map((x) => x.offer.id)).toEqual([older.id, newer.id]);
    await b.propose(need2.id, older.id);
    const s = await b.suggest(need1.id);
    expect(s.map((x) => x.offer.id)).toEqual([newer.id, older.id]);
    expect(s[1]?.why).toContainEqual({ code: 'busy', params: { count: 1 } });
    expect(s[0]?.why).toContainEqual({ code: 'free', params: {} });
    // Same inputs, same answer, every time.
    expect(await b.suggest(need1.id)).toEqual(s);
  });

  it('board.list carries the top suggestions for each need, and none for a need already in progress', async () => {
    const need = await b.add({ kind: 'need', category: 'ride', languages: ['en'] });
    const offer = await b.add({ kind: 'offer', category: 'ride', languages: ['en'] });
    let view = await b.list();
    expect(view.needs[0]?.suggestions.map((s) => s.offer.id)).toEqual([offer.id]);
    const m = await b.propose(need.id, offer.id);
    view = await b.list();
    expect(view.needs[0]?.activeMatchId).toBe(m.id);
    expect(view.needs[0]?.suggestions).toEqual([]);
    expect(view.matches.map((x) => x.id)).toEqual([m.id]);
  });
});

describe('the matcher reads open entries through an index', () => {
  it('reads only the live open entries, as two index ranges, not every open entry ever made', async () => {
    const { MATCHABLE_SQL } = await import('../../../src/core/board/board-sql');
    const t = makeCore();
    try {
      const plan = t.core.ctx.db
        .prepare(`EXPLAIN QUERY PLAN ${MATCHABLE_SQL}`)
        .all({ kind: 'need', now: 'x', cutoff: 'x', today: 'x' }) as { detail: string }[];
      const text = plan.map((p) => p.detail).join('\n');
      // Migration 290: the last start after the cutoff, or intake's expiry after now.
      expect(text).toMatch(/MULTI-INDEX OR/);
      expect(text).toMatch(/USING INDEX needs_offers_started \(status=\? AND <expr>>\?\)/);
      expect(text).toMatch(/USING INDEX needs_offers_expires \(status=\? AND expires_at>\?\)/);
      expect(text).not.toMatch(/SCAN n\b(?! USING)/);
    } finally {
      t.dispose();
    }
  });
});
