import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { recordMovement } from '../../src/core/inventory/ledger';
import { SlipKeyring } from '../../src/core/slips/signing';
import { PAYLOAD_VERSION } from '../../src/shared/slips/payload';
import { dayNumber } from '../../src/shared/time';
import type { DayView, PickupView, PrintableSlip } from '../../src/shared/slips/schemas';
import { makeCore, type TestCore } from '../support/core';
import { seededKeys } from '../support/fixed';
import { decodeRgba, rasterize } from '../support/qr-decode';
import { issueSlip, onHand, stockItem } from '../support/slips';
import { seedDemo } from '../../src/core/demo/seed';

function flip(digits: string, at: number, by = 1): string {
  return digits.slice(0, at) + String((Number(digits[at]) + by) % 10) + digits.slice(at + 1);
}

describe('pickup slips', () => {
  let t: TestCore;
  let session: string;
  let eggs: string;
  let beans: string;
  beforeEach(async () => {
    t = makeCore();
    session = await t.setUp();
    // Eggs in three lots: the one expiring first must be given first (FEFO).
    eggs = stockItem(
      t.core,
      'eggs',
      [
        { qty: 5, expiresOn: '2026-12-10', code: 'LATE' },
        { qty: 2, expiresOn: '2026-12-01', code: 'SOON' },
        { qty: 4, expiresOn: null, code: 'NODATE' },
      ],
      { en: 'Eggs, dozen', ar: 'بيض، دزينة' },
    );
    beans = stockItem(t.core, 'beans', [{ qty: 3, expiresOn: '2027-06-01' }], { en: 'Black beans', ar: 'فاصوليا سوداء' });
  });
  afterEach(() => t.dispose());

  const lookup = (code: string) => t.call('slip.lookup', { code }, session);
  /** Moving the clock hours ahead ends the idle volunteer session: log in again, as a person would. */
  const relogin = async () => {
    const login = await t.call('auth.login', { pin: '1234' });
    if (login.ok) session = (login.value as { token: string }).token;
  };

  describe('verification', () => {
    it('round trip: the QR rendered to pixels decodes, verifies, and redeems', async () => {
      const slip = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      const decoded = decodeRgba(rasterize(slip.digits, 3));
      expect(decoded).toBe(slip.digits);
      const found = await lookup(decoded ?? '');
      expect(found).toMatchObject({ ok: true, value: { id: slip.id, status: { state: 'issued' } } });
      expect(await t.call('slip.redeem', { slipId: slip.id, table: '2' }, session)).toMatchObject({
        ok: true,
        value: { status: { state: 'redeemed', table: '2' } },
      });
    });

    it('rejects every single-digit change of the payload or the signature', () => {
      const slip = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      const keyring = new SlipKeyring(t.core.ctx.db);
      expect(keyring.verify(slip.digits).ok).toBe(true);
      for (let at = 0; at < slip.digits.length; at += 1) {
        for (const by of [1, 5, 9]) {
          const result = keyring.verify(flip(slip.digits, at, by));
          expect(result.ok, `digit ${at} +${by}`).toBe(false);
        }
      }
    });

    it('rejects random changes through the API with a forgery or unreadable answer, never a slip', async () => {
      const slip = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 195 }), fc.integer({ min: 1, max: 9 }), async (at, by) => {
          const result = await lookup(flip(slip.digits, at, by));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['slip.invalid', 'slip.unreadable', 'slip.unknown_key', 'slip.retired_key']).toContain(result.error.code);
        }),
        { numRuns: 60 },
      );
    });

    it('says which answer fits: unknown key, another hub, unreadable, not found', async () => {
      const today = dayNumber(t.clock.now());
      const body = { version: PAYLOAD_VERSION, slipId: new Uint8Array(randomBytes(10)), issueDay: today, expiryDay: today + 7 };
      // A slip signed by a key this hub never had, under a key id it does not use.
      const stranger = seededKeys('stranger').generate();
      const db = t.core.ctx.db;
      db.prepare("INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (77, ?, ?, 't')").run(
        stranger.publicKey,
        stranger.privateKey,
      );
      const strangeDigits = new SlipKeyring(db).sign({ ...body, keyId: 77 });
      db.prepare('DELETE FROM site_keys WHERE key_id = 77').run();
      expect(await lookup(strangeDigits)).toMatchObject({ ok: false, error: { code: 'slip.unknown_key' } });

      // A sister hub's slip: its key id 78 means nothing here; its signature says whose it is.
      db.prepare("INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (78, ?, ?, 't')").run(
        stranger.publicKey,
        stranger.privateKey,
      );
      const sisterDigits = new SlipKeyring(db).sign({ ...body, keyId: 78 });
      db.prepare('DELETE FROM site_keys WHERE key_id = 78').run();
      // Same key material registered as a peer hub's key 78: now the slip is named, not called forged.
      db.prepare("INSERT INTO peer_slip_keys (site_id, site_name, key_id, public_key) VALUES ('west', 'Westside Pantry', 78, ?)").run(
        stranger.publicKey,
      );
      expect(await lookup(sisterDigits)).toMatchObject({
        ok: false,
        error: { code: 'slip.other_site', params: { site: 'Westside Pantry' } },
      });
      // A hub known only through exchange (its card), with no slip keys recorded: still named.
      db.prepare('DELETE FROM peer_slip_keys').run();
      expect(await lookup(sisterDigits)).toMatchObject({ ok: false, error: { code: 'slip.unknown_key' } });
      db.prepare(
        "INSERT INTO known_sites (id, name, public_key, fingerprint, first_seen_at) VALUES ('north', 'Northside Pantry', ?, 'fp', 't')",
      ).run(stranger.publicKey);
      expect(await lookup(sisterDigits)).toMatchObject({
        ok: false,
        error: { code: 'slip.other_site', params: { site: 'Northside Pantry' } },
      });

      // Our key id, someone else's signature: a forgery.
      const forger = seededKeys('forger').generate();
      db.prepare("INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (79, ?, ?, 't')").run(
        forger.publicKey,
        forger.privateKey,
      );
      const forged = new SlipKeyring(db).sign({ ...body, keyId: 79 });
      db.prepare('UPDATE site_keys SET public_key = (SELECT public_key FROM site_keys WHERE key_id = 1) WHERE key_id = 79').run();
      expect(await lookup(forged)).toMatchObject({ ok: false, error: { code: 'slip.invalid' } });

      expect(await lookup('12345')).toMatchObject({ ok: false, error: { code: 'slip.unreadable' } });
      expect(await lookup('I0O1-LLLL')).toMatchObject({ ok: false, error: { code: 'slip.unreadable' } });
      expect(await lookup('ZZZZ-ZZZZ')).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
      // A genuine signature over a slip id this hub never stored.
      expect(await lookup(new SlipKeyring(db).sign({ ...body, keyId: 1 }))).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
    });
  });

  describe('key rotation', () => {
    it('keeps old slips valid, signs new ones with the new key, and refuses the retired key for later days', async () => {
      const before = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      const rotated = await t.call('slip.rotate_key', {}, session);
      expect(rotated).toMatchObject({
        ok: true,
        value: [
          { keyId: 2, active: true, retiredAt: null },
          { keyId: 1, active: false },
        ],
      });
      const after = issueSlip(t.core, [{ itemId: beans, qty: 1 }]);
      const keyIds = t.core.ctx.db.prepare('SELECT key_id FROM slips ORDER BY issued_at, rowid').all();
      expect(keyIds).toEqual([{ key_id: 1 }, { key_id: 2 }]);
      expect(await lookup(before.digits)).toMatchObject({ ok: true, value: { id: before.id } });
      expect(await lookup(after.digits)).toMatchObject({ ok: true, value: { id: after.id } });

      // Someone who kept the retired key signs a slip dated after the retirement: refused.
      const tomorrow = dayNumber(t.clock.now()) + 1;
      const late = new SlipKeyring(t.core.ctx.db).sign({
        version: PAYLOAD_VERSION,
        keyId: 1,
        slipId: new Uint8Array(10),
        issueDay: tomorrow,
        expiryDay: tomorrow + 7,
      });
      expect(await lookup(late)).toMatchObject({ ok: false, error: { code: 'slip.retired_key' } });
      // Only a coordinator may rotate.
      const { addVolunteer } = await import('../../src/core/site/site-service');
      addVolunteer(t.core.ctx, { name: 'Sam', role: 'intake', pin: '5555' });
      const intake = await t.call('auth.login', { pin: '5555' });
      const token = intake.ok ? (intake.value as { token: string }).token : '';
      expect(await t.call('slip.rotate_key', {}, token)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    });
  });

  describe('pick list and partial pickup', () => {
    it('lists lots earliest expiry first, no-date stock last', async () => {
      const slip = issueSlip(t.core, [
        { itemId: eggs, qty: 9 },
        { itemId: beans, qty: 1 },
      ]);
      const found = await lookup(slip.shortCode);
      if (!found.ok) throw new Error(JSON.stringify(found));
      const eggLine = (found.value as PickupView).pickList.find((l) => l.itemId === eggs);
      expect(eggLine).toMatchObject({ name: 'Eggs, dozen', qty: 9, onHand: 11, givenQty: null, outcome: null });
      expect(eggLine?.lots.map((l) => [l.code, l.qty])).toEqual([
        ['SOON', 2],
        ['LATE', 5],
        ['NODATE', 2],
      ]);
    });

    it('records given, partly given and not available lines with the redemption, in one transaction', async () => {
      const other = stockItem(t.core, 'rice', [{ qty: 10, expiresOn: null }], { en: 'Rice', ar: 'أرز' });
      const slip = issueSlip(t.core, [
        { itemId: eggs, qty: 3 },
        { itemId: beans, qty: 2 },
        { itemId: other, qty: 4 },
      ]);
      const result = await t.call(
        'slip.redeem',
        {
          slipId: slip.id,
          table: '2',
          lines: [
            { itemId: beans, givenQty: 0 },
            { itemId: other, givenQty: 1 },
          ],
        },
        session,
      );
      expect(result).toMatchObject({ ok: true, value: { pickupOutcome: 'partial', status: { state: 'redeemed', table: '2' } } });
      if (!result.ok) return;
      const byItem = new Map((result.value as PickupView).pickList.map((l) => [l.itemId, l]));
      expect(byItem.get(eggs)).toMatchObject({ givenQty: 3, outcome: 'given' });
      expect(byItem.get(eggs)?.lots.map((l) => [l.code, l.qty])).toEqual([
        ['SOON', 2],
        ['LATE', 1],
      ]);
      expect(byItem.get(beans)).toMatchObject({ givenQty: 0, outcome: 'not_available', lots: [] });
      expect(byItem.get(other)).toMatchObject({ givenQty: 1, outcome: 'partial' });
      expect(onHand(t.core, eggs)).toBe(8);
      expect(onHand(t.core, beans)).toBe(3);
      expect(onHand(t.core, other)).toBe(9);
      // What the "we need" list will read.
      const unmet = t.core.ctx.db
        .prepare(
          "SELECT item_id AS itemId, requested_qty - given_qty AS missing FROM redemption_lines WHERE outcome <> 'given' ORDER BY item_id",
        )
        .all();
      expect(unmet).toEqual([
        { itemId: beans, missing: 2 },
        { itemId: other, missing: 3 },
      ]);
    });

    it('changes nothing when a line cannot be given or does not belong to the slip', async () => {
      const slip = issueSlip(t.core, [
        { itemId: eggs, qty: 2 },
        { itemId: beans, qty: 3 },
      ]);
      // Beans run out between intake and pickup (spoiled, counted): giving them must fail whole.
      t.core.ctx.db.transaction(() => {
        recordMovement(t.core.ctx, { itemId: beans, lotId: `${beans}-lot-0`, kind: 'adjust', qty: -2, reason: 'spoiled' });
      })();
      const movements = () => (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM movements').get() as { n: number }).n;
      const before = movements();
      expect(await t.call('slip.redeem', { slipId: slip.id, table: null }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.out_of_stock', params: { item: 'Black beans' } },
      });
      expect(await t.call('slip.redeem', { slipId: slip.id, lines: [{ itemId: 'item-nope', givenQty: 1 }] }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.bad_line' },
      });
      expect(await t.call('slip.redeem', { slipId: slip.id, lines: [{ itemId: eggs, givenQty: 3 }] }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.bad_line' },
      });
      expect(movements()).toBe(before);
      expect(onHand(t.core, eggs)).toBe(11);
      expect(t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM redemptions').get()).toEqual({ n: 0 });
      // The volunteer marks what is short and confirms: it goes through.
      expect(await t.call('slip.redeem', { slipId: slip.id, lines: [{ itemId: beans, givenQty: 1 }] }, session)).toMatchObject({
        ok: true,
      });
      expect(onHand(t.core, beans)).toBe(0);
    });
  });

  describe('every other answer', () => {
    it('already picked up: says when and at which table, and takes nothing twice', async () => {
      const slip = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      t.clock.set('2026-11-28T10:42:00Z');
      await relogin();
      expect(await t.call('slip.redeem', { slipId: slip.id, table: '2' }, session)).toMatchObject({ ok: true });
      t.clock.set('2026-11-28T12:30:00Z');
      await relogin();
      expect(await lookup(slip.digits)).toMatchObject({
        ok: true,
        value: { status: { state: 'redeemed', at: '2026-11-28T10:42:00.000Z', table: '2' } },
      });
      expect(await t.call('slip.redeem', { slipId: slip.id, table: '1' }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.already_redeemed', params: { at: '2026-11-28T10:42:00.000Z', table: '2' } },
      });
      expect(onHand(t.core, eggs)).toBe(10);
    });

    it('expired: shown as expired, not redeemable, not reprintable', async () => {
      const slip = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      t.clock.advance(8 * 86_400_000);
      await relogin();
      expect(await lookup(slip.shortCode)).toMatchObject({ ok: true, value: { status: { state: 'expired' }, validUntil: '2026-12-05' } });
      expect(await t.call('slip.redeem', { slipId: slip.id }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.expired', params: { validUntil: '2026-12-05' } },
      });
      expect(await t.call('slip.reprint', { slipId: slip.id }, session)).toMatchObject({ ok: false, error: { code: 'slip.expired' } });
    });

    it('void: needs a reason, keeps it, and refuses pickup; a picked-up slip cannot be voided', async () => {
      const slip = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      expect(await t.call('slip.void', { slipId: slip.id, reason: '' }, session)).toMatchObject({
        ok: false,
        error: { code: 'api.invalid_input' },
      });
      expect(await t.call('slip.void', { slipId: slip.id, reason: 'Printed twice by mistake' }, session)).toMatchObject({
        ok: true,
        value: { status: { state: 'void' }, voidReason: 'Printed twice by mistake' },
      });
      expect(await t.call('slip.redeem', { slipId: slip.id }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.void', params: { reason: 'Printed twice by mistake' } },
      });
      expect(await t.call('slip.void', { slipId: slip.id, reason: 'again' }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.void' },
      });
      const picked = issueSlip(t.core, [{ itemId: beans, qty: 1 }]);
      await t.call('slip.redeem', { slipId: picked.id }, session);
      expect(await t.call('slip.void', { slipId: picked.id, reason: 'too late' }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.already_redeemed' },
      });
      expect(onHand(t.core, eggs)).toBe(11);
    });
  });

  describe('reprint and printable form', () => {
    it('gives the same signed code, both languages side by side, nothing personal, and counts copies', async () => {
      const slip = issueSlip(
        t.core,
        [
          { itemId: eggs, qty: 1 },
          { itemId: beans, qty: 2 },
        ],
        'ar',
      );
      const first = await t.call('slip.printable', { slipId: slip.id, qrDigits: slip.digits });
      expect(first).toMatchObject({
        ok: true,
        value: { qrDigits: slip.digits, visitorLanguage: 'ar', siteLanguage: 'en', reprints: 0, siteName: 'Eastside Hub' },
      });
      if (!first.ok) return;
      expect((first.value as PrintableSlip).lines).toContainEqual(
        expect.objectContaining({ visitorName: 'بيض، دزينة', siteName: 'Eggs, dozen', qty: 1 }),
      );
      expect(JSON.stringify(first.value)).not.toMatch(/adults|phone|first_name|household/i);
      expect(await t.call('slip.reprint', { slipId: slip.id }, session)).toMatchObject({
        ok: true,
        value: { qrDigits: slip.digits, reprints: 1 },
      });
      await t.call('slip.redeem', { slipId: slip.id }, session);
      expect(await t.call('slip.reprint', { slipId: slip.id }, session)).toMatchObject({
        ok: false,
        error: { code: 'slip.already_redeemed' },
      });
    });
  });

  describe('day view', () => {
    it('counts issued, picked up (partly), voided and outstanding for a day', async () => {
      const a = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      const b = issueSlip(t.core, [{ itemId: beans, qty: 1 }]);
      const c = issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      issueSlip(t.core, [{ itemId: eggs, qty: 1 }]);
      await t.call('slip.redeem', { slipId: a.id, table: '1' }, session);
      await t.call('slip.redeem', { slipId: b.id, lines: [{ itemId: beans, givenQty: 0 }] }, session);
      await t.call('slip.void', { slipId: c.id, reason: 'duplicate' }, session);
      const day = await t.call('slip.day', {}, session);
      expect(day).toMatchObject({ ok: true, value: { day: '2026-11-28', issued: 4, pickedUp: 2, partial: 1, voided: 1, outstanding: 1 } });
      if (day.ok) expect((day.value as DayView).slips.map((s) => s.state).sort()).toEqual(['issued', 'partial', 'redeemed', 'void']);
      expect(await t.call('slip.day', { day: '2026-11-27' }, session)).toMatchObject({ ok: true, value: { issued: 0, slips: [] } });
    });

    it('finds a slip by id without scanning the slips table', () => {
      const plan = t.core.ctx.db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM slips s LEFT JOIN redemptions r ON r.slip_id = s.id WHERE s.issue_day = 1')
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX slips_issue_day/);
    });
  });
});

describe('the demo hub', () => {
  it('has a pickup table that has been busy: one partly picked up, one cancelled, the rest to come', () => {
    const t = makeCore();
    try {
      seedDemo(t.core.ctx, t.core.services.intake);
      const day = t.core.services.slips.day();
      // Other features' demo data may add slips of their own; these three counts are ours.
      expect(day).toMatchObject({ pickedUp: 1, partial: 1, voided: 1 });
      expect(day.outstanding).toBe(day.issued - 2);
      const unmet = t.core.ctx.db.prepare("SELECT COUNT(*) AS n FROM redemption_lines WHERE outcome = 'not_available'").get();
      expect(unmet).toEqual({ n: 1 });
    } finally {
      t.dispose();
    }
  });
});
