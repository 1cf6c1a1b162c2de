import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { makeCore, type TestCore } from '../support/core';

/**
 * Random sequences of receipts, adjustments, counts and pickups, driven through the real API:
 * afterwards on-hand equals the sum of the ledger for every item and lot, and no lot is below
 * zero unless a count correction put it there.
 */
describe('ledger property', () => {
  let t: TestCore;
  let token: string;
  const items: string[] = [];
  const lots: string[][] = [];

  beforeAll(async () => {
    t = makeCore();
    token = await t.setUp(['en']);
    for (let i = 0; i < 3; i += 1) {
      const id = randomUUID();
      const r = await t.call('inventory.save_item', { language: 'en', item: { id, names: { en: `Item ${i}` }, unit: 'each' } }, token);
      if (!r.ok) throw new Error(JSON.stringify(r));
      items.push(id);
      lots.push([]);
    }
  });
  afterAll(() => t.dispose());

  const op = fc.oneof(
    fc.record({
      kind: fc.constant('receive' as const),
      item: fc.nat(2),
      qty: fc.integer({ min: -5, max: 30 }),
      lot: fc.option(fc.constantFrom('A', 'B'), { nil: null }),
    }),
    fc.record({ kind: fc.constant('spoil' as const), item: fc.nat(2), qty: fc.integer({ min: 1, max: 30 }), lot: fc.nat(3) }),
    fc.record({ kind: fc.constant('correct' as const), item: fc.nat(2), qty: fc.integer({ min: -30, max: 30 }), lot: fc.nat(3) }),
    fc.record({ kind: fc.constant('count' as const), item: fc.nat(2), counted: fc.nat(40), lot: fc.nat(3) }),
    fc.record({ kind: fc.constant('pickup' as const), item: fc.nat(2), qty: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('replay' as const), item: fc.nat(2), qty: fc.integer({ min: 1, max: 10 }) }),
  );

  it('keeps on_hand equal to the ledger sum, never negative without a count correction', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        let corrected = false;
        for (const o of ops) {
          const itemId = items[o.item] as string;
          const lotOf = (n: number) => (n < (lots[o.item]?.length ?? 0) ? (lots[o.item]?.[n] ?? null) : null);
          if (o.kind === 'receive') {
            const expiresOn = o.lot === null ? null : o.lot === 'A' ? '2027-01-10' : '2027-02-20';
            const r = await t.call(
              'inventory.receive',
              { requestId: randomUUID(), itemId, qty: o.qty, source: 'donor', lotCode: o.lot, expiresOn },
              token,
            );
            if (r.ok) {
              const lotId = (r.value as { lotId: string | null }).lotId;
              if (lotId && !lots[o.item]?.includes(lotId)) lots[o.item]?.push(lotId);
            } else expect(r.error.code).toBe('inventory.bad_qty');
          } else if (o.kind === 'spoil') {
            await t.call(
              'inventory.adjust',
              { requestId: randomUUID(), itemId, lotId: lotOf(o.lot), qty: -o.qty, reason: 'spoiled' },
              token,
            );
          } else if (o.kind === 'correct') {
            const r = await t.call(
              'inventory.adjust',
              { requestId: randomUUID(), itemId, lotId: lotOf(o.lot), qty: o.qty, reason: 'count_correction' },
              token,
            );
            if (r.ok) corrected = true;
          } else if (o.kind === 'count') {
            await t.call(
              'inventory.count_confirm',
              { requestId: randomUUID(), language: 'en', lines: [{ itemId, lotId: lotOf(o.lot), counted: o.counted }] },
              token,
            );
          } else if (o.kind === 'pickup') {
            await t
              .call('intake.submit', { requestId: randomUUID(), language: 'en', household: {}, needs: [{ itemId, qty: o.qty }] })
              .then(async (r) => {
                if (r.ok) await t.call('slip.redeem', { slipId: (r.value as { id: string }).id, table: null }, token);
              });
          } else {
            // The same receipt submitted twice records once.
            const input = { requestId: randomUUID(), itemId, qty: o.qty, source: 'donor' as const };
            const before = (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM movements').get() as { n: number }).n;
            const first = await t.call('inventory.receive', input, token);
            expect(first, JSON.stringify(first)).toMatchObject({ ok: true });
            expect(await t.call('inventory.receive', input, token)).toEqual(first);
            expect((t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM movements').get() as { n: number }).n).toBe(before + 1);
          }
        }
        const mismatches = t.core.ctx.db
          .prepare(
            `SELECT o.item_id, o.lot_id, o.qty, COALESCE(SUM(m.qty), 0) AS ledger FROM on_hand o
             LEFT JOIN movements m ON m.item_id = o.item_id AND COALESCE(m.lot_id, '') = o.lot_id
             GROUP BY o.item_id, o.lot_id HAVING o.qty <> ledger`,
          )
          .all();
        expect(mismatches).toEqual([]);
        const ledgerOnly = t.core.ctx.db
          .prepare(
            `SELECT m.item_id, COALESCE(m.lot_id, '') AS lot FROM movements m
             LEFT JOIN on_hand o ON o.item_id = m.item_id AND o.lot_id = COALESCE(m.lot_id, '') WHERE o.item_id IS NULL`,
          )
          .all();
        expect(ledgerOnly).toEqual([]);
        // The per-item totals the stock list reads agree with the lots.
        const itemDrift = t.core.ctx.db
          .prepare(
            `SELECT s.item_id FROM item_stock s WHERE s.on_hand <> (SELECT COALESCE(SUM(qty), 0) FROM on_hand o WHERE o.item_id = s.item_id)
               OR s.next_expiry IS NOT (SELECT MIN(l.expires_on) FROM on_hand o JOIN lots l ON l.id = o.lot_id WHERE o.item_id = s.item_id AND o.qty > 0)`,
          )
          .all();
        expect(itemDrift).toEqual([]);
        const negative = (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM on_hand WHERE qty < 0').get() as { n: number }).n;
        const everCorrectedBelow = (
          t.core.ctx.db.prepare("SELECT COUNT(*) AS n FROM movements WHERE kind = 'adjust' AND reason LIKE 'count_correction%'").get() as {
            n: number;
          }
        ).n;
        if (negative > 0) expect(corrected || everCorrectedBelow > 0).toBe(true);
        // Keep the session alive across runs.
        t.clock.advance(1000);
      }),
      { numRuns: 40, seed: 4 },
    );
  });
});
