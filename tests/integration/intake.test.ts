import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CatalogItem } from '../../src/shared/api/channels/intake';
import type { SlipView } from '../../src/shared/domain/slip';
import { seedDemo } from '../../src/core/demo/seed';
import { makeCore, okValue, type TestCore } from '../support/core';

function dbDigest(t: TestCore): string {
  t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(t.file)).digest('hex');
}

let n = 0;
const rid = () => `0190f000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;

describe('intake', () => {
  let t: TestCore;
  let catalog: CatalogItem[];
  let coordinator: string;
  const item = (nameStart: string) => {
    const found = catalog.find((i) => i.name.startsWith(nameStart));
    if (!found) throw new Error(`no ${nameStart}`);
    return found;
  };
  const visit = async (input: Record<string, unknown>) =>
    t.call('intake.submit', { requestId: rid(), language: 'en', household: { adults: 1 }, ...input });
  /** A visit that asks for some help, so it gets a slip (a visit asking for nothing gets none). */
  const submit = async (input: Record<string, unknown>) => visit({ otherNeeds: [{ category: 'other' }], ...input });
  const slipOf = (r: Awaited<ReturnType<TestCore['call']>>): SlipView => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as SlipView;
  };

  beforeEach(async () => {
    t = makeCore();
    seedDemo(t.core.ctx, t.core.services.intake);
    const login = await t.call('auth.login', { pin: '1234' });
    coordinator = okValue(login).token;
    const r = await t.call('intake.catalog', { language: 'en' });
    catalog = okValue(r);
  });
  afterEach(() => t.dispose());

  it('offers items in the visitor language with category icons and limits, and never out-of-stock ones', async () => {
    const ht = okValue(await t.call('intake.catalog', { language: 'ht' }));
    const eggs = ht.find((i) => i.id === item('Eggs').id);
    expect(eggs).toMatchObject({ limit: 1, limitQty: 1, limitDays: 7, untranslated: false });
    expect(eggs?.name).not.toBe(item('Eggs').name);
    expect(ht.every((i) => i.available > 0)).toBe(true);
    expect(catalog.some((i) => i.categoryIcon !== null)).toBe(true);
    // Use up all the rice: it is no longer offered.
    const rice = item('Rice');
    t.core.ctx.db.prepare('DELETE FROM on_hand WHERE item_id = ?').run(rice.id);
    const after = okValue(await t.call('intake.catalog', { language: 'en' }));
    expect(after.find((i) => i.id === rice.id)).toBeUndefined();
  });

  it('stores needs, other needs and shareable offers with the visitor language, in one slip', async () => {
    const rice = item('Rice');
    const slip = slipOf(
      await t.call('intake.submit', {
        requestId: rid(),
        language: 'fa',
        purpose: 'both',
        household: { adults: 2, children: 3, seniors: 1 },
        needs: [{ itemId: rice.id, qty: 1 }],
        otherNeeds: [{ category: 'diapers', detail: 'size 3', shareable: false }],
        offers: [{ category: 'cooking', detail: 'Afghan dishes', availability: ['weekends', 'evenings'], shareable: true }],
      }),
    );
    expect(slip.householdSize).toBe(6);
    expect(slip.lines).toHaveLength(1);
    const rows = t.core.ctx.db
      .prepare(
        'SELECT kind, category, detail, languages, availability, shareable FROM needs_offers WHERE visit_id IS NOT NULL ORDER BY kind',
      )
      .all();
    expect(rows).toEqual([
      { kind: 'need', category: 'diapers', detail: 'size 3', languages: '["fa"]', availability: null, shareable: 0 },
      { kind: 'offer', category: 'cooking', detail: 'Afghan dishes', languages: '["fa"]', availability: 'weekends,evenings', shareable: 1 },
    ]);
  });

  it('records an offers-only visit and its offers, issues no slip, and ignores needs it did not choose', async () => {
    const slips = () => (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM slips').get() as { n: number }).n;
    const before = slips();
    const requestId = rid();
    const offer = {
      requestId,
      language: 'en' as const,
      household: { adults: 1 },
      purpose: 'offer' as const,
      needs: [{ itemId: item('Rice').id, qty: 1 }],
      offers: [{ category: 'ride' as const }],
    };
    // Mutual aid: a visit that only offers help is a real visit, thanked, with nothing to collect.
    expect(await t.call('intake.submit', offer)).toEqual({ ok: true, value: null });
    expect(slips()).toBe(before);
    const recorded = t.core.ctx.db.prepare('SELECT id, household_id FROM visits WHERE request_id = ?').get(requestId) as {
      id: string;
      household_id: string;
    };
    expect(t.core.ctx.db.prepare('SELECT kind, category, household_id FROM needs_offers WHERE visit_id = ?').all(recorded.id)).toEqual([
      { kind: 'offer', category: 'ride', household_id: recorded.household_id },
    ]);
    // A double tap records it once.
    expect(await t.call('intake.submit', offer)).toEqual({ ok: true, value: null });
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) FROM visits WHERE request_id = ?').pluck().get(requestId)).toBe(1);
    // "Both", with offers but nothing asked for: still no slip.
    expect(await visit({ purpose: 'both', offers: [{ category: 'cooking' }] })).toEqual({ ok: true, value: null });
    expect(slips()).toBe(before);
  });

  it('issues no empty slip: a visit that asks for nothing and offers nothing is refused and stores nothing', async () => {
    const before = dbDigest(t);
    for (const purpose of ['need', 'offer', 'both']) {
      expect(await visit({ purpose })).toMatchObject({ ok: false, error: { code: 'intake.nothing_chosen' } });
    }
    // Needs the visitor did not mean (an offers-only visit's leftovers) do not count either.
    expect(
      await visit({ purpose: 'offer', needs: [{ itemId: item('Rice').id, qty: 1 }], otherNeeds: [{ category: 'ride' }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'intake.nothing_chosen' },
    });
    expect(dbDigest(t)).toBe(before);
    // Another kind of help alone (a ride) is taken to the table on a slip.
    expect(slipOf(await visit({ otherNeeds: [{ category: 'ride' }] })).lines).toEqual([]);
  });

  it('keeps a first name and phone only when given', async () => {
    slipOf(await submit({ contact: { firstName: 'Mina', phone: '+1 555 0100' } }));
    slipOf(await submit({}));
    const rows = t.core.ctx.db
      .prepare("SELECT first_name, phone FROM households WHERE first_name = 'Mina' OR (first_name IS NULL AND phone IS NULL)")
      .all();
    expect(rows).toContainEqual({ first_name: 'Mina', phone: '+1 555 0100' });
    expect((await submit({ contact: { phone: 'call me maybe' } })).ok).toBe(false);
  });

  it('refuses an over-limit request on one slip with a kind, translatable error, and stores nothing', async () => {
    const before = dbDigest(t);
    const eggs = item('Eggs');
    const r = await submit({ needs: [{ itemId: eggs.id, qty: 4 }] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'intake.over_limit', params: { item: eggs.name, limit: 1, days: 7, allowed: 1 } },
    });
    // Two lines of the same item add up.
    expect(
      await submit({
        needs: [
          { itemId: eggs.id, qty: 1 },
          { itemId: eggs.id, qty: 1 },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'intake.over_limit' } });
    expect(await t.call('intake.submit', { requestId: rid(), language: 'en', household: { adults: 30 } })).toMatchObject({
      ok: false,
      error: { code: 'intake.household_too_large', params: { max: 20 } },
    });
    expect(await t.call('intake.submit', { requestId: rid(), language: 'en', household: { adults: 51 } })).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
    expect(dbDigest(t)).toBe(before);
  });

  it('counts a returning household’s earlier slips against the limit period, and frees it after', async () => {
    const eggs = item('Eggs');
    const first = slipOf(await submit({ household: { adults: 2, children: 1 }, needs: [{ itemId: eggs.id, qty: 1 }] }));
    // Scanned (signed digits) or typed (short code): counts and language only, nothing personal.
    for (const code of [first.qrDigits, first.shortCode.toLowerCase()]) {
      const back = await t.call('intake.returning', { code });
      expect(back).toEqual({ ok: true, value: { household: { adults: 2, children: 1 }, language: 'en', contactOnFile: false } });
    }
    const cat = okValue(await t.call('intake.catalog', { language: 'en', returning: first.shortCode }));
    expect(cat.find((i) => i.id === eggs.id)?.limit).toBe(0);
    expect(await submit({ returning: first.qrDigits, needs: [{ itemId: eggs.id, qty: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'intake.over_limit', params: { allowed: 0 } },
    });
    // A new visitor is not held to someone else's slips.
    slipOf(await submit({ needs: [{ itemId: eggs.id, qty: 1 }] }));
    // A week later the dozen is theirs again, on the same household.
    t.clock.advance(7 * 86_400_000);
    const again = slipOf(
      await submit({ returning: first.shortCode, household: { adults: 2, children: 2 }, needs: [{ itemId: eggs.id, qty: 1 }] }),
    );
    expect(again.householdSize).toBe(4);
    const households = t.core.ctx.db
      .prepare('SELECT DISTINCT household_id FROM slips WHERE short_code IN (?, ?)')
      .all(first.shortCode, again.shortCode);
    expect(households).toHaveLength(1);
  });

  // Whoever holds a slip's 8-character code (the visitor, or whoever found the slip) can start a
  // returning visit without a PIN. What they can do with it: prefill counts, be held to the
  // household's limits, add a visit. What they cannot: replace what another person left.
  it('never lets a returning visit replace the name or phone kept for the household', async () => {
    const first = slipOf(await submit({ household: { adults: 2, children: 1 }, contact: { firstName: 'Mina', phone: '+1 555 0100' } }));
    const kept = () =>
      t.core.ctx.db
        .prepare('SELECT h.first_name AS firstName, h.phone FROM households h JOIN slips s ON s.household_id = h.id WHERE s.id = ?')
        .all(first.id);
    const visits = () => (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n;
    // The screen learns that something is kept, never what.
    const back = await t.call('intake.returning', { code: first.shortCode });
    expect(back).toEqual({ ok: true, value: { household: { adults: 2, children: 1 }, language: 'en', contactOnFile: true } });
    const before = visits();
    for (const contact of [{ phone: '+1 555 9999' }, { firstName: 'Someone else' }, { firstName: 'Mina', phone: '+1 555 0100' }]) {
      expect(await submit({ returning: first.shortCode, contact })).toMatchObject({ ok: false, error: { code: 'intake.contact_on_file' } });
    }
    expect(visits()).toBe(before);
    expect(kept()).toEqual([{ firstName: 'Mina', phone: '+1 555 0100' }]);
    // Without contact details the returning visit goes ahead, and what was kept stays.
    slipOf(await submit({ returning: first.shortCode, household: { adults: 1 } }));
    expect(kept()).toEqual([{ firstName: 'Mina', phone: '+1 555 0100' }]);
  });

  it('lets a returning household with nothing kept leave a name or phone', async () => {
    const first = slipOf(await submit({ household: { adults: 1 } }));
    slipOf(await submit({ returning: first.shortCode, contact: { phone: '+1 555 0142' } }));
    expect(
      t.core.ctx.db.prepare('SELECT h.phone FROM households h JOIN slips s ON s.household_id = h.id WHERE s.id = ?').all(first.id),
    ).toEqual([{ phone: '+1 555 0142' }]);
  });

  it('records a returning visit as a new visit: earlier slips and their prefill keep their own counts', async () => {
    const first = slipOf(await submit({ household: { adults: 2, children: 3 }, language: 'fa' }));
    const again = slipOf(await submit({ returning: first.shortCode, household: { adults: 1 }, language: 'en' }));
    expect(again.householdSize).toBe(1);
    // The first slip, still waiting at the pickup table, is for the five it was printed for.
    expect(t.core.services.slips.view(first.id).householdSize).toBe(5);
    expect(await t.call('intake.returning', { code: first.shortCode })).toMatchObject({
      ok: true,
      value: { household: { adults: 2, children: 3 }, language: 'fa' },
    });
    expect(await t.call('intake.returning', { code: again.shortCode })).toMatchObject({
      ok: true,
      value: { household: { adults: 1 }, language: 'en' },
    });
    const household = t.core.ctx.db.prepare('SELECT household_id FROM slips WHERE id = ?').pluck().get(first.id);
    expect(
      t.core.ctx.db.prepare('SELECT adults, children, seniors FROM visits WHERE household_id = ? ORDER BY at, rowid').all(household),
    ).toEqual([
      { adults: 2, children: 3, seniors: null },
      { adults: 1, children: null, seniors: null },
    ]);
  });

  it('refuses forged, unknown and other-site slips for returning visitors', async () => {
    const slip = slipOf(await submit({}));
    const d = slip.qrDigits;
    const forged = d.slice(0, 60) + String((Number(d[60]) + 1) % 10) + d.slice(61);
    expect(await t.call('intake.returning', { code: forged })).toMatchObject({ ok: false, error: { code: 'slip.invalid' } });
    expect(await t.call('intake.returning', { code: 'ZZZZ-ZZZZ' })).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
    // A slip another hub issued is not found here, even when its signature checks out.
    const other = makeCore();
    try {
      seedDemo(other.core.ctx, other.core.services.intake);
      const r = await other.call('intake.returning', { code: d });
      expect(r).toMatchObject({ ok: false, error: { code: 'slip.not_found' } });
    } finally {
      other.dispose();
    }
  });

  it('lets the coordinator set languages, idle time, required fields and returning visitors', async () => {
    const config = okValue(await t.call('intake.config', {}));
    expect(config).toMatchObject({ idleSeconds: 90, requiredFields: [], returningVisitors: true });
    expect(
      await t.call('intake.settings_save', {
        languages: ['ar', 'fa'],
        idleSeconds: 60,
        requiredFields: ['adults'],
        returningVisitors: false,
        contactDays: 90,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    const saved = await t.call(
      'intake.settings_save',
      { languages: ['fa', 'ar'], idleSeconds: 60, requiredFields: ['adults'], returningVisitors: false, contactDays: 60 },
      coordinator,
    );
    // The site language stays on the list, after the chosen order.
    expect(saved).toMatchObject({
      ok: true,
      value: { languages: ['fa', 'ar', 'en'], idleSeconds: 60, requiredFields: ['adults'], returningVisitors: false, contactDays: 60 },
    });
    expect(await t.call('site.status', {})).toMatchObject({
      ok: true,
      value: { settings: { languages: ['fa', 'ar', 'en'], idleSeconds: 60 } },
    });
    expect(await submit({ household: { children: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'intake.required_field', params: { field: 'adults' } },
    });
    const slip = slipOf(await submit({ household: { adults: 0, children: 2 } }));
    expect(await t.call('intake.returning', { code: slip.shortCode })).toMatchObject({
      ok: false,
      error: { code: 'intake.returning_off' },
    });
    expect(
      await t.call(
        'intake.settings_save',
        { languages: [], idleSeconds: 5, requiredFields: [], returningVisitors: true, contactDays: 90 },
        coordinator,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
  });
});
