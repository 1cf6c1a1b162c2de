import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';
import { board } from './helpers';

describe('match states', () => {
  let t: TestCore;
  let session: string;
  let b: ReturnType<typeof board>;
  beforeEach(async () => {
    t = makeCore();
    session = await t.setUp(['en', 'fa']);
    b = board(t, session);
  });
  afterEach(() => t.dispose());

  const pair = async () => {
    const need = await b.add({ kind: 'need', category: 'cooking', languages: ['fa'] });
    const offer = await b.add({ kind: 'offer', category: 'cooking', languages: ['fa'] });
    return { need, offer };
  };

  it('goes suggested → agreed → done, and a done need leaves the board while the offer stays', async () => {
    const { need, offer } = await pair();
    const m = await b.propose(need.id, offer.id);
    expect(m.state).toBe('suggested');
    expect(m.why.map((w) => w.code)).toEqual(['category', 'language', 'time_unstated', 'free', 'waiting']);
    expect((await b.advance(m.id, 'agreed')).state).toBe('agreed');
    const done = await b.advance(m.id, 'done');
    expect(done.state).toBe('done');
    expect(done.need.status).toBe('met');
    const view = await b.list();
    expect(view.needs.map((n) => n.id)).not.toContain(need.id);
    expect(view.offers.map((o) => o.id)).toContain(offer.id);
    expect(view.matches[0]?.state).toBe('done');
  });

  it("ends as didn't happen only with a reason, and then the pair is not suggested again", async () => {
    const { need, offer } = await pair();
    const m = await b.propose(need.id, offer.id);
    const noReason = await t.call('board.advance', { matchId: m.id, to: 'didnt_happen' }, session);
    expect(!noReason.ok && noReason.error.code).toBe('board.reason_needed');
    const ended = await b.advance(m.id, 'didnt_happen', 'no_contact');
    expect(ended).toMatchObject({ state: 'didnt_happen', reason: 'no_contact' });
    expect(ended.need.status).toBe('open');
    expect(await b.suggest(need.id)).toEqual([]);
    const other = await b.add({ kind: 'offer', category: 'cooking', languages: ['fa'] });
    expect((await b.suggest(need.id)).map((s) => s.offer.id)).toEqual([other.id]);
  });

  it('refuses transitions out of order and a second match in progress for the same need', async () => {
    const { need, offer } = await pair();
    const m = await b.propose(need.id, offer.id);
    const skip = await t.call('board.advance', { matchId: m.id, to: 'done' }, session);
    expect(!skip.ok && skip.error.code).toBe('board.bad_transition');
    const other = await b.add({ kind: 'offer', category: 'cooking', languages: [] });
    const second = await t.call('board.propose', { needId: need.id, offerId: other.id }, session);
    expect(!second.ok && second.error.code).toBe('board.already_matched');
    await b.advance(m.id, 'agreed');
    await b.advance(m.id, 'done');
    const again = await t.call('board.advance', { matchId: m.id, to: 'agreed' }, session);
    expect(!again.ok && again.error.code).toBe('board.bad_transition');
  });

  it('refuses to pair a misfit, whatever a stale screen sends', async () => {
    const need = await b.add({ kind: 'need', category: 'ride', languages: ['fa'] });
    const wrongCategory = await b.add({ kind: 'offer', category: 'cooking', languages: ['fa'] });
    const wrongLanguage = await b.add({ kind: 'offer', category: 'ride', languages: ['en'] });
    for (const o of [wrongCategory, wrongLanguage]) {
      const r = await t.call('board.propose', { needId: need.id, offerId: o.id }, session);
      expect(!r.ok && r.error.code).toBe('board.no_longer_fits');
    }
    const swapped = await t.call('board.propose', { needId: wrongCategory.id, offerId: need.id }, session);
    expect(!swapped.ok && swapped.error.code).toBe('board.not_found');
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM board_matches').get()).toEqual({ n: 0 });
  });

  it('withdrawing an entry ends its match in progress as not needed', async () => {
    const { need, offer } = await pair();
    const m = await b.propose(need.id, offer.id);
    await t.call('board.withdraw', { id: offer.id }, session);
    const view = await b.list();
    expect(view.matches.find((x) => x.id === m.id)).toMatchObject({ state: 'didnt_happen', reason: 'not_needed' });
    const renew = await t.call('board.renew', { id: offer.id }, session);
    expect(!renew.ok && renew.error.code).toBe('board.not_open');
  });

  it('checks input at the boundary and changes nothing on bad input', async () => {
    const bad = await t.call('board.add', { kind: 'need', category: 'ride', dateFrom: '2026-12-05', dateUntil: '2026-12-01' }, session);
    expect(!bad.ok && bad.error.code).toBe('api.invalid_input');
    const badSlots = await t.call('board.add', { kind: 'need', category: 'ride', slots: 1 << 21 }, session);
    expect(!badSlots.ok && badSlots.error.code).toBe('api.invalid_input');
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM needs_offers').get()).toEqual({ n: 0 });
  });
});
