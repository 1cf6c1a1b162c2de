import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportLogEntry, ImportPreview, SiteCard, WrittenFile } from '../../../src/shared/api/channels/exchange';
import { countOf, hubs, openBundle, sealBundle, type Site } from './support';

const { site, folder, trust } = hubs();
const count = countOf;
const itemName = (s: Site, id: string, locale = 'en') =>
  (s.core.ctx.db.prepare('SELECT name FROM item_names WHERE item_id = ? AND locale = ?').get(id, locale) as { name: string } | undefined)
    ?.name;

describe('share bundle: export, preview, apply', () => {
  it('carries the catalogue with every translation, the board, shareable needs/offers and weekly counts, and never people', async () => {
    const a = await site('Eastside Hub', true);
    const stickA = folder();
    const written = await a.call<WrittenFile>('exchange.export_share', { folder: stickA });
    expect(written.verified).toBe(true);
    expect(readdirSync(stickA)).toEqual([written.fileName]);
    expect(written.fileName).toMatch(/^Eastside-Hub-2026-11-28-0001\.makshare$/);
    const text = readFileSync(written.path, 'utf8');
    const { manifest, parts } = openBundle(readFileSync(written.path));
    expect(manifest.site.id).toBe(a.id);
    expect(manifest.sequence).toBe(1);
    const items = parts.get('items.jsonl')!.trim().split('\n');
    const itemCount = (a.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
    expect(items).toHaveLength(itemCount);
    const first = JSON.parse(items[0]!.slice(items[0]!.indexOf(' ') + 1)) as { d: { names: Record<string, string> } };
    expect(Object.keys(first.d.names).sort()).toHaveLength(12);
    // As many as the demo hub marked shareable, and this week's households: counted from the
    // database, so other features' demo data does not break the test.
    const shareable = (
      a.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM needs_offers WHERE origin_site = ? AND shareable = 1').get(a.id) as { n: number }
    ).n;
    expect(shareable).toBeGreaterThan(0);
    expect(parts.get('needs_offers.jsonl')!.trim().split('\n')).toHaveLength(shareable);
    expect(parts.get('weekly.jsonl')).toContain(`"households":${weekHouseholds(a.core.ctx.db)}`);
    // No household ids, visit ids, phone numbers or volunteer names anywhere in the file.
    for (const h of a.core.ctx.db.prepare('SELECT id FROM households').all() as { id: string }[]) expect(text).not.toContain(h.id);
    for (const v of a.core.ctx.db.prepare('SELECT id FROM visits').all() as { id: string }[]) expect(text).not.toContain(v.id);
    expect(text).not.toMatch(/household_id|visit_id|phone|first_name|Coordinator/);
  });

  it('carries the board of a large catalogue: 5,000 items with stock thresholds export and import', async () => {
    const a = await site('Eastside Hub');
    const b = await site('Northside Pantry');
    // A busy hub's catalogue, every item with a threshold and plenty on hand (all surplus).
    const db = a.core.ctx.db;
    db.transaction(() => {
      const item = db.prepare(
        "INSERT INTO items (id, origin_site, unit, low_stock, created_at, updated_at) VALUES (?, ?, 'each', 2, '2026-11-28T09:00:00.000Z', '2026-11-28T09:00:00.000Z')",
      );
      const name = db.prepare("INSERT INTO item_names (item_id, locale, name) VALUES (?, 'en', ?)");
      const stock = db.prepare("INSERT INTO on_hand (item_id, lot_id, qty) VALUES (?, '', 100)");
      for (let i = 0; i < 5000; i += 1) {
        const id = `0199aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`;
        item.run(id, a.id);
        name.run(id, `Item ${i}`);
        stock.run(id);
      }
    })();
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const { parts } = openBundle(readFileSync(w.path));
    expect(Buffer.byteLength(parts.get('board.jsonl')!)).toBeGreaterThan(64 * 1024);
    await trust(b, a);
    const preview = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
    expect(count(preview, 'board').new).toBe(1);
    expect(count(preview, 'item').new).toBe(5000);
    await b.call('exchange.apply', { folder: s, name: w.fileName, sha256: preview.sha256 });
  });

  it('previews a bundle from an unknown site but applies it only after a coordinator trusts the site', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const before = b.checksum();
    const preview = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
    expect(preview.canApply).toBe(false);
    expect(preview.sites).toEqual([expect.objectContaining({ id: a.id, name: 'Eastside Hub', status: 'unknown', signer: true })]);
    expect(count(preview, 'item').new).toBeGreaterThan(20);
    const refused = await b.raw('exchange.apply', { folder: s, name: w.fileName, sha256: preview.sha256 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'exchange.unknown_site' } });
    expect(b.checksum()).toBe(before);

    const card = await a.call<SiteCard>('exchange.card', {});
    expect(preview.signer.fingerprint).toBe(card.fingerprint);
    // A hub the file carries no card for is its own case, not an unknown hub (issue 13.6).
    expect(await b.raw('exchange.trust_from_bundle', { folder: s, name: w.fileName, siteId: 'not-in-this-file' })).toMatchObject({
      ok: false,
      error: { code: 'exchange.no_card_in_bundle' },
    });
    await b.call('exchange.trust_from_bundle', { folder: s, name: w.fileName, siteId: a.id });
    // Known but no longer trusted is refused too, and says so.
    await b.call('exchange.set_trust', { siteId: a.id, trusted: false });
    expect(await b.raw('exchange.apply', { folder: s, name: w.fileName, sha256: preview.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'exchange.untrusted_site' },
    });
    expect(b.checksum()).not.toBe(before); // the trust change itself was recorded
    const afterTrustChange = b.checksum();
    expect(await b.raw('exchange.apply', { folder: s, name: w.fileName, sha256: preview.sha256 })).toMatchObject({ ok: false });
    expect(b.checksum()).toBe(afterTrustChange);
    await b.call('exchange.set_trust', { siteId: a.id, trusted: true });
    const again = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
    expect(again.canApply).toBe(true);
    const log = await b.call<ImportLogEntry>('exchange.apply', { folder: s, name: w.fileName, sha256: again.sha256 });
    expect(log.origins).toEqual([{ id: a.id, name: 'Eastside Hub', records: expect.any(Number) }]);
    const copied = b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items WHERE origin_site = ?').get(a.id) as { n: number };
    expect(copied.n).toBe(count(again, 'item').new);
    // Copies of another site's items have no stock here, so the visitor catalogue does not offer them.
    expect(((await b.raw('intake.catalog', { language: 'en' })) as { value: unknown[] }).value).toEqual([]);
    expect(await b.call<ImportLogEntry[]>('exchange.log', {})).toHaveLength(1);
  });

  it('re-importing the same bundle changes nothing; a newer version from the owner replaces the copy', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w1 = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const p1 = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w1.fileName });
    await b.call('exchange.apply', { folder: s, name: w1.fileName, sha256: p1.sha256 });
    const data = () => b.core.ctx.db.prepare('SELECT type, id, version, line FROM exchange_records ORDER BY type, id').all();
    const items = () => b.core.ctx.db.prepare('SELECT * FROM items ORDER BY id').all();
    const snapshot = [data(), items()];

    const p2 = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w1.fileName });
    for (const c of p2.counts) expect([c.new, c.updated, c.rejected]).toEqual([0, 0, 0]);
    await b.call('exchange.apply', { folder: s, name: w1.fileName, sha256: p2.sha256 });
    expect([data(), items()]).toEqual(snapshot);

    // The owner renames an item; its next bundle carries version 2 of that item only.
    const rice = (
      a.core.ctx.db.prepare("SELECT item_id FROM item_names WHERE locale = 'en' AND name LIKE 'Rice%'").get() as { item_id: string }
    ).item_id;
    a.core.ctx.db.prepare("UPDATE item_names SET name = 'Jasmine rice (2 kg)' WHERE item_id = ? AND locale = 'en'").run(rice);
    a.clock.advance(600_000);
    const w2 = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    expect(w2.fileName).toMatch(/-0002\.makshare$/);
    const p3 = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w2.fileName });
    expect(count(p3, 'item')).toMatchObject({ new: 0, updated: 1, rejected: 0 });
    await b.call('exchange.apply', { folder: s, name: w2.fileName, sha256: p3.sha256 });
    expect(itemName(b, rice)).toBe('Jasmine rice (2 kg)');

    // An older bundle arriving late never rolls the copy back.
    const p4 = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w1.fileName });
    expect(count(p4, 'item')).toMatchObject({ new: 0, updated: 0 });
    await b.call('exchange.apply', { folder: s, name: w1.fileName, sha256: p4.sha256 });
    expect(itemName(b, rice)).toBe('Jasmine rice (2 kg)');
  });

  it('never lets another site change our own records', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry', true);
    await trust(b, a);
    await trust(a, b);
    const s = folder();
    // B holds an item of its own; a bundle from A claiming the same id with A's origin is an id conflict.
    const bItem = (b.core.ctx.db.prepare('SELECT id FROM items LIMIT 1').get() as { id: string }).id;
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const opened = openBundle(readFileSync(w.path));
    const lines = opened.parts.get('items.jsonl')!.trim().split('\n');
    const rec = JSON.parse(lines[0]!.slice(lines[0]!.indexOf(' ') + 1)) as { id: string };
    const { signRecord } = await import('../../../src/core/exchange/format');
    const forgedJson = JSON.parse(lines[0]!.slice(lines[0]!.indexOf(' ') + 1)) as Parameters<typeof signRecord>[0];
    lines[0] = signRecord({ ...forgedJson, id: bItem, v: 9 }, a.privateKey());
    opened.parts.set('items.jsonl', `${lines.join('\n')}\n`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(s, 'claim.makshare'), sealBundle(opened, a.privateKey()));
    const p = await b.call<ImportPreview>('exchange.preview', { folder: s, name: 'claim.makshare' });
    expect(p.rejected).toContainEqual({ type: 'item', id: bItem, site: a.id, reason: 'id_conflict' });
    expect(rec.id).not.toBe(bItem);
    const before = b.core.ctx.db.prepare('SELECT * FROM items WHERE id = ?').get(bItem);
    await b.call('exchange.apply', { folder: s, name: 'claim.makshare', sha256: p.sha256 });
    expect(b.core.ctx.db.prepare('SELECT * FROM items WHERE id = ?').get(bItem)).toEqual(before);

    // And our own records coming home through another site change nothing here.
    await b.call('exchange.apply', {
      folder: s,
      name: w.fileName,
      sha256: (await b.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName })).sha256,
    });
    const wb = await b.call<WrittenFile>('exchange.export_share', { folder: s });
    const home = await a.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    expect(home.sites.find((x) => x.id === a.id)?.status).toBe('self');
    expect(count(home, 'item').rejected).toBe(0);
  });

  it('withdraws a need or offer that is no longer shareable', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w1 = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    await b.call('exchange.apply', { folder: s, name: w1.fileName, sha256: w1.sha256 });
    const ride = (a.core.ctx.db.prepare("SELECT id FROM needs_offers WHERE category = 'ride'").get() as { id: string }).id;
    a.core.ctx.db.prepare('UPDATE needs_offers SET shareable = 0 WHERE id = ?').run(ride);
    const w2 = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    await b.call('exchange.apply', { folder: s, name: w2.fileName, sha256: w2.sha256 });
    expect(b.core.ctx.db.prepare('SELECT status, detail, availability FROM needs_offers WHERE id = ?').get(ride)).toEqual({
      status: 'withdrawn',
      detail: null,
      availability: null,
    });
  });
});

describe('A → B → C', () => {
  it('carries a third site’s records with that site’s own signature, and rejects a forged one', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    const c = await site('Riverside Commons');
    await trust(b, a);
    await trust(c, b);
    const s = folder();
    const wa = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    await b.call('exchange.apply', { folder: s, name: wa.fileName, sha256: wa.sha256 });
    const wb = await b.call<WrittenFile>('exchange.export_share', { folder: s });

    // C knows B but not A yet: A's records are held back, and the preview names A with its fingerprint.
    const p1 = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    const aCard = await a.call<SiteCard>('exchange.card', {});
    expect(p1.sites).toContainEqual(
      expect.objectContaining({ id: a.id, status: 'unknown', fingerprint: aCard.fingerprint, signer: false }),
    );
    expect(count(p1, 'item').rejected).toBeGreaterThan(20);
    expect(p1.rejected[0]).toMatchObject({ site: a.id, reason: 'unknown_site' });

    await c.call('exchange.trust_from_bundle', { folder: s, name: wb.fileName, siteId: a.id });
    const p2 = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    expect(count(p2, 'item')).toMatchObject({ rejected: 0 });
    expect(count(p2, 'item').new).toBe(count(p1, 'item').rejected);
    const log = await c.call<ImportLogEntry>('exchange.apply', { folder: s, name: wb.fileName, sha256: p2.sha256 });
    expect(log.origins.map((o) => o.id)).toContain(a.id);
    const rows = c.core.ctx.db.prepare('SELECT origin_site, COUNT(*) AS n FROM items GROUP BY origin_site').all();
    expect(rows).toEqual([{ origin_site: a.id, n: count(p2, 'item').new }]);
    // C's copies are A's own lines, byte for byte.
    const lineAtB = b.core.ctx.db.prepare("SELECT line FROM exchange_records WHERE type = 'item' ORDER BY id LIMIT 1").get();
    const lineAtC = c.core.ctx.db.prepare("SELECT line FROM exchange_records WHERE type = 'item' ORDER BY id LIMIT 1").get();
    expect(lineAtC).toEqual(lineAtB);

    // B (or anyone with B's key) edits one of A's records: the bundle verifies, that record does not.
    const opened = openBundle(readFileSync(wb.path));
    const lines = opened.parts.get('items.jsonl')!.trim().split('\n');
    const victim = lines[0]!;
    const sp = victim.indexOf(' ');
    const rec = JSON.parse(victim.slice(sp + 1)) as { id: string; v: number; d: { names: Record<string, string> } };
    rec.v += 1;
    rec.d.names.en = 'Free phones, call 555-0100';
    lines[0] = `${victim.slice(0, sp)} ${JSON.stringify(rec)}`;
    // A second forgery: B signs a record in A's name with B's own key.
    const { signRecord } = await import('../../../src/core/exchange/format');
    const second = JSON.parse(lines[1]!.slice(lines[1]!.indexOf(' ') + 1)) as Parameters<typeof signRecord>[0];
    lines[1] = signRecord({ ...second, v: second.v + 1, d: { ...second.d, unit: 'kg' } }, b.privateKey());
    opened.parts.set('items.jsonl', `${lines.join('\n')}\n`);
    opened.manifest.sequence += 1;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(s, 'forged.makshare'), sealBundle(opened, b.privateKey()));
    const p3 = await c.call<ImportPreview>('exchange.preview', { folder: s, name: 'forged.makshare' });
    expect(p3.rejected).toEqual(
      expect.arrayContaining([
        { type: 'item', id: rec.id, site: a.id, reason: 'bad_signature' },
        { type: 'item', id: second.id, site: a.id, reason: 'bad_signature' },
      ]),
    );
    await c.call('exchange.apply', { folder: s, name: 'forged.makshare', sha256: p3.sha256 });
    expect(itemName(c, rec.id)).not.toBe('Free phones, call 555-0100');
  });
});

describe('the network board', () => {
  it('shows what trusted hubs have spare and need, named in the reader’s language, and nothing from hubs we stopped trusting', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    // Give A a clear surplus and a clear need.
    const [rice, oil] = a.core.ctx.db
      .prepare("SELECT item_id FROM item_names WHERE locale = 'en' AND (name LIKE 'Rice%' OR name LIKE '%oil%') ORDER BY name")
      .all() as { item_id: string }[];
    a.core.ctx.db.prepare('UPDATE items SET low_stock = 1 WHERE id = ?').run(rice!.item_id);
    a.core.ctx.db.prepare('UPDATE items SET low_stock = 100000 WHERE id = ?').run(oil!.item_id);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    await b.call('exchange.apply', { folder: s, name: w.fileName, sha256: w.sha256 });
    type Net = {
      name: string;
      spare: { itemId: string; name: string }[];
      needed: { itemId: string; name: string }[];
      week: { households: number } | null;
    }[];
    const board = await b.call<Net>('exchange.network', { language: 'ar' });
    expect(board).toHaveLength(1);
    expect(board[0]!.name).toBe('Eastside Hub');
    expect(board[0]!.spare.map((x) => x.itemId)).toContain(rice!.item_id);
    expect(board[0]!.needed.map((x) => x.itemId)).toContain(oil!.item_id);
    expect(board[0]!.spare.find((x) => x.itemId === rice!.item_id)!.name).toBe(itemName(b, rice!.item_id, 'ar'));
    expect(board[0]!.week).toMatchObject({ households: weekHouseholds(a.core.ctx.db) });
    await b.call('exchange.set_trust', { siteId: a.id, trusted: false });
    expect(await b.call<Net>('exchange.network', { language: 'en' })).toEqual([]);
  });
});

/** Distinct households with a visit since Monday 2026-11-23 (the fixed clock's week). */
function weekHouseholds(db: { prepare(sql: string): { get(...a: unknown[]): unknown } }): number {
  return (db.prepare('SELECT COUNT(DISTINCT household_id) AS n FROM visits WHERE at >= ?').get('2026-11-23') as { n: number }).n;
}
