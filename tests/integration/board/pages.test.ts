import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardPage, BoardView } from '../../../src/shared/api/channels/board';
import { makeCore, type TestCore } from '../../support/core';
import { board, intakeRow, ok } from './helpers';

// Issue 15: the board is read a page at a time (newest first), so five years of entries never
// travel, nor render, at once; each page of needs carries its own suggestions.
describe('board pages', () => {
  let t: TestCore;
  let session: string;
  beforeEach(async () => {
    t = makeCore();
    session = await t.setUp(['en']);
  });
  afterEach(() => t.dispose());

  const page = (kind: 'need' | 'offer', after: string, limit: number) =>
    ok<BoardPage>(t.call('board.page', { kind, after, limit }, session));

  it('walks every open entry once, newest first, ties by id, with totals and suggestions per page', async () => {
    const b = board(t, session);
    // Some share a creation time (the clock stands still between them): the cursor must split ties.
    for (let i = 0; i < 23; i += 1) {
      if (i % 3 === 0) t.clock.advance(60_000);
      await b.add({ kind: 'need', category: 'ride', languages: ['en'] });
    }
    const offer = await b.add({ kind: 'offer', category: 'ride', languages: ['en'] });
    // Long expired, still 'open': not on the board, not counted.
    intakeRow(t, { id: 'old-need', kind: 'need', category: 'ride', createdAt: '2020-01-01T00:00:00.000Z' });

    const first = await ok<BoardView>(t.call('board.list', { limit: 10 }, session));
    expect(first.needs).toHaveLength(10);
    expect(first.needsTotal).toBe(23);
    expect(first.offersTotal).toBe(1);
    expect(first.offersNext).toBeNull();
    expect(first.needs.every((n) => n.suggestions[0]?.offer.id === offer.id)).toBe(true);
    const seen = first.needs.map((n) => n.id);
    let next = first.needsNext;
    while (next) {
      const p = await page('need', next, 10);
      expect(p.offers).toEqual([]);
      expect(p.needs.every((n) => n.suggestions[0]?.offer.id === offer.id)).toBe(true);
      seen.push(...p.needs.map((n) => n.id));
      next = p.next;
    }
    const all = t.core.ctx.db
      .prepare("SELECT id FROM needs_offers WHERE kind = 'need' AND id <> 'old-need' ORDER BY created_at DESC, id")
      .all()
      .map((r) => (r as { id: string }).id);
    expect(seen).toEqual(all);
  });

  it('refuses a cursor it did not make at the boundary', async () => {
    const r = await t.call('board.page', { kind: 'need', after: 'no cursor here', limit: 10 }, session);
    expect(!r.ok && r.error.code).toBe('api.invalid_input');
  });
});
