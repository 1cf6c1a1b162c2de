import type { TestCore } from '../../support/core';
import type { ChannelInput } from '../../../src/shared/api/contract';
import type { BoardEntry, BoardMatch, BoardView, Suggestion } from '../../../src/shared/api/channels/board';

/** Monday..Sunday × morning/afternoon/evening → the board's weekly slot mask. */
export function slot(day: number, part: number): number {
  return 1 << (day * 3 + part);
}
export const MON = 0;
export const TUE = 1;
export const SAT = 5;
export const MORNING = 0;
export const AFTERNOON = 1;
export const EVENING = 2;

export async function ok<T>(p: ReturnType<TestCore['call']>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

export function board(t: TestCore, session: string) {
  return {
    add: (e: ChannelInput<'board.add'>) => ok<BoardEntry>(t.call('board.add', e, session)),
    list: () => ok<BoardView>(t.call('board.list', {}, session)),
    suggest: (needId: string, limit = 10) => ok<Suggestion[]>(t.call('board.suggest', { needId, limit }, session)),
    propose: (needId: string, offerId: string) => ok<BoardMatch>(t.call('board.propose', { needId, offerId }, session)),
    advance: (matchId: string, to: ChannelInput<'board.advance'>['to'], reason: ChannelInput<'board.advance'>['reason'] = null) =>
      ok<BoardMatch>(t.call('board.advance', { matchId, to, reason }, session)),
  };
}

/** A row as intake (another feature) writes it: free-text availability, a household, a visit. */
export function intakeRow(
  t: TestCore,
  row: {
    id: string;
    kind: 'need' | 'offer';
    category: string;
    languages?: string;
    availability?: string | null;
    householdId?: string | null;
    shareable?: 0 | 1;
    createdAt?: string;
    expiresAt?: string | null;
  },
): void {
  const db = t.core.ctx.db;
  const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
  db.prepare(
    `INSERT INTO needs_offers (id, origin_site, household_id, kind, category, detail, languages, availability, shareable, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    site,
    row.householdId ?? null,
    row.kind,
    row.category,
    `${row.kind} ${row.id}`,
    row.languages ?? '[]',
    row.availability ?? null,
    row.shareable ?? 0,
    row.createdAt ?? t.clock.now().toISOString(),
    row.expiresAt ?? null,
  );
}
