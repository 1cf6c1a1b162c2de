import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../support/core';

describe('taking a donor off the list, on real SQLite', () => {
  let t: TestCore;
  let coordinator: string;
  let stock: string;
  const db = () => t.core.ctx.db;
  const row = (id: string) => db().prepare('SELECT name, contact, removed_at FROM donors WHERE id = ?').get(id);

  beforeEach(async () => {
    t = makeCore();
    coordinator = await t.setUp(['en', 'ar']);
    stock = await t.volunteer(coordinator, { name: 'Sam', role: 'stock', pin: '5678' });
  });
  afterEach(() => t.dispose());

  async function received(donorId: string) {
    const itemId = (
      await t.ok('inventory.save_item', { language: 'en', item: { id: randomUUID(), names: { en: 'Rice' }, unit: 'bag' } }, coordinator)
    ).id;
    await t.ok('inventory.receive', { requestId: randomUUID(), itemId, qty: 4, source: 'donor', donorId }, stock);
    return itemId;
  }

  it("forgets a person's name and contact, keeps what they gave, and no screen can choose them again", async () => {
    const donor = randomUUID();
    await t.ok('donors.save', { id: donor, kind: 'person', name: 'Maryam Haddad', contact: '555-0101', language: 'ar' }, coordinator);
    const itemId = await received(donor);

    expect(await t.ok('donors.remove', { id: donor }, coordinator)).toEqual({ id: donor });
    expect(row(donor)).toMatchObject({ name: '-', contact: null, removed_at: expect.any(String) });
    expect(JSON.stringify(db().prepare('SELECT * FROM donors').all())).not.toMatch(/Maryam|555-0101/);
    expect(await t.ok('donors.list', {}, stock)).toEqual([]);
    expect(await t.ok('donors.contacts', {}, coordinator)).toEqual([]);
    // The ledger still has the four bags, and the stock room is told plainly the donor is gone.
    expect(db().prepare('SELECT SUM(qty) FROM movements WHERE donor_id = ?').pluck().get(donor)).toBe(4);
    const again = await t.callRaw('inventory.receive', { requestId: randomUUID(), itemId, qty: 1, source: 'donor', donorId: donor }, stock);
    expect(again.ok ? null : again.error.code).toBe('month.donor_not_found');
    const receipt = await t.callRaw('donors.receipt', { donorId: donor, from: '2026-01-01', to: '2026-12-31' }, coordinator);
    expect(receipt.ok ? null : receipt.error.code).toBe('month.donor_not_found');
    // A screen still open on them saves nothing back, and a second removal says they are gone.
    const saved = await t.callRaw(
      'donors.save',
      { id: donor, kind: 'person', name: 'Maryam Haddad', contact: '555-0101', language: 'ar' },
      coordinator,
    );
    expect(saved.ok ? null : saved.error.code).toBe('month.donor_not_found');
    expect(row(donor)).toMatchObject({ name: '-', contact: null });
    const twice = await t.callRaw('donors.remove', { id: donor }, coordinator);
    expect(twice.ok ? null : twice.error.code).toBe('month.donor_not_found');
  });

  it("keeps an organisation's name, so the ledger still says which store gave", async () => {
    const donor = randomUUID();
    await t.ok(
      'donors.save',
      { id: donor, kind: 'organisation', name: 'Corner Market', contact: 'owner@corner.example', language: 'en' },
      coordinator,
    );
    await t.ok('donors.remove', { id: donor }, coordinator);
    expect(row(donor)).toMatchObject({ name: 'Corner Market', contact: null });
  });

  it('is for the coordinator only', async () => {
    const donor = randomUUID();
    await t.ok('donors.save', { id: donor, kind: 'person', name: 'Sam', language: 'en' }, coordinator);
    const r = await t.callRaw('donors.remove', { id: donor }, stock);
    expect(r.ok ? null : r.error.code).toBe('auth.forbidden');
    expect(row(donor)).toMatchObject({ name: 'Sam', removed_at: null });
  });
});
