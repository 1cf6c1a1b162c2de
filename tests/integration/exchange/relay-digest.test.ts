import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPreview, WrittenFile } from '../../../src/shared/api/channels/exchange';
import { parseBundle, publicKeyObject, sha256Hex, signRecord, type RecordEnvelope } from '../../../src/core/exchange/format';
import { buildShareBundle } from '../../../src/core/exchange/share-export';
import { DIGEST_PART, parseDigestLine, signDigest, vouchedByDigest } from '../../../src/core/exchange/relay';
import { ImportCache } from '../../../src/core/exchange/import-cache';
import { applyBundle, previewBundle } from '../../../src/core/exchange/share-import';
import { countOf, hubs, openBundle, sealBundle, type Site } from './support';

const { site, folder, trust } = hubs();

/** A → B → C, each trusting the one before (and C trusting A), with A's bundle applied at B. */
async function chain() {
  const a = await site('Eastside Hub', true);
  const b = await site('Northside Pantry');
  const c = await site('Riverside Commons');
  await trust(b, a);
  await trust(c, b);
  await trust(c, a);
  const s = folder();
  const wa = await a.call<WrittenFile>('exchange.export_share', { folder: s });
  await b.call('exchange.apply', { folder: s, name: wa.fileName, sha256: wa.sha256 });
  const wb = await b.call<WrittenFile>('exchange.export_share', { folder: s });
  return { a, b, c, s, wa, wb };
}

const keyOf = (s: Site) => {
  const spki = s.core.ctx.db.prepare('SELECT public_key FROM site_keys WHERE key_id = 1').pluck().get() as Uint8Array;
  return { key: publicKeyObject(spki), tag: sha256Hex(spki) };
};
const aItems = (s: Site, aId: string) =>
  s.core.ctx.db.prepare('SELECT COUNT(*) FROM items WHERE origin_site = ?').pluck().get(aId) as number;

describe('relayed records are vouched for once per origin (format 2)', () => {
  it('a relay carries the origin’s signed digest, and it covers exactly the origin’s records', async () => {
    const { a, b, wa, wb } = await chain();
    const own = parseBundle(readFileSync(wa.path));
    expect(own.manifest.version).toBe(2);
    expect(own.digests.map((d) => d.digest.site)).toEqual([a.id]);
    const relayed = parseBundle(readFileSync(wb.path));
    expect(relayed.digests.map((d) => d.digest.site).sort()).toEqual([a.id, b.id].sort());
    const k = keyOf(a);
    expect(vouchedByDigest(relayed, a.id, k.key, k.tag)).toBe(true);
    // B's key does not vouch for A's records, whatever B signs.
    const kb = keyOf(b);
    expect(vouchedByDigest(relayed, a.id, kb.key, kb.tag)).toBe(false);
  });

  it('C applies A’s records relayed by B, and logs them as A’s', async () => {
    const { a, c, s, wb } = await chain();
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    expect(countOf(p, 'item')).toMatchObject({ rejected: 0 });
    expect(countOf(p, 'item').new).toBeGreaterThan(20);
    await c.call('exchange.apply', { folder: s, name: wb.fileName, sha256: p.sha256 });
    expect(aItems(c, a.id)).toBe(countOf(p, 'item').new);
    // C keeps A's digest, so it can relay A's records on just as cheaply.
    expect(c.core.ctx.db.prepare('SELECT origin_site FROM exchange_digests ORDER BY origin_site').pluck().all()).toContain(a.id);
  });

  it('records vouched for by their origin’s digest cost no work one by one: no per-record key is even hashed', async () => {
    const { c, s, wb } = await chain();
    const cache = new ImportCache();
    let perRecord = 0;
    const key = cache.key.bind(cache);
    cache.key = (tag, line) => {
      perRecord += 1;
      return key(tag, line);
    };
    const p = await previewBundle(c.core.ctx, s, wb.fileName, cache);
    await applyBundle(c.core.ctx, s, wb.fileName, p.sha256, null, cache);
    expect(countOf(p, 'item').new).toBeGreaterThan(20);
    expect(perRecord).toBe(0);
  });

  it('an old-format (1) relayed bundle, with no digests, still imports record by record', async () => {
    const { a, b, c, s, wb } = await chain();
    const opened = openBundle(readFileSync(wb.path));
    opened.manifest.version = 1;
    opened.manifest.parts = opened.manifest.parts.filter((p) => p.name !== DIGEST_PART);
    opened.parts.delete(DIGEST_PART);
    writeFileSync(join(s, 'old.makshare'), sealBundle(opened, b.privateKey()));
    expect(readFileSync(join(s, 'old.makshare'), 'utf8').startsWith('MAK-SHARE 1\n')).toBe(true);
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: 'old.makshare' });
    expect(countOf(p, 'item')).toMatchObject({ rejected: 0 });
    await c.call('exchange.apply', { folder: s, name: 'old.makshare', sha256: p.sha256 });
    expect(aItems(c, a.id)).toBe(countOf(p, 'item').new);
  });

  it('a format-1 bundle carrying digests is malformed', async () => {
    const { b, c, s, wb } = await chain();
    const opened = openBundle(readFileSync(wb.path));
    opened.manifest.version = 1;
    writeFileSync(join(s, 'mixed.makshare'), sealBundle(opened, b.privateKey()));
    const r = await c.raw('exchange.preview', { folder: s, name: 'mixed.makshare' });
    expect(r.ok ? null : r.error.code).toBe('exchange.malformed');
  });

  it('one of the origin’s records altered under its digest: that record is refused, the rest checked one by one', async () => {
    const { a, b, c, s, wb } = await chain();
    const opened = openBundle(readFileSync(wb.path));
    const lines = opened.parts.get('items.jsonl')!.trim().split('\n');
    const i = lines.findIndex((l) => l.includes(`"o":"${a.id}"`));
    const sp = lines[i]!.indexOf(' ');
    const rec = JSON.parse(lines[i]!.slice(sp + 1)) as RecordEnvelope;
    lines[i] = `${lines[i]!.slice(0, sp)} ${JSON.stringify({ ...rec, d: { ...rec.d, unit: 'kg' } })}`;
    opened.parts.set('items.jsonl', `${lines.join('\n')}\n`);
    writeFileSync(join(s, 'altered.makshare'), sealBundle(opened, b.privateKey()));
    const altered = parseBundle(readFileSync(join(s, 'altered.makshare')));
    const k = keyOf(a);
    expect(vouchedByDigest(altered, a.id, k.key, k.tag)).toBe(false);
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: 'altered.makshare' });
    expect(p.rejected).toEqual([{ type: 'item', id: rec.id, site: a.id, reason: 'bad_signature' }]);
    expect(countOf(p, 'item').rejected).toBe(1);
  });

  it('a relay that forges a digest in the origin’s name, over a record it signed itself, is refused', async () => {
    const { a, b, c, s, wb } = await chain();
    const opened = openBundle(readFileSync(wb.path));
    const lines = opened.parts.get('items.jsonl')!.trim().split('\n');
    const i = lines.findIndex((l) => l.includes(`"o":"${a.id}"`));
    const rec = JSON.parse(lines[i]!.slice(lines[i]!.indexOf(' ') + 1)) as RecordEnvelope;
    lines[i] = signRecord({ ...rec, v: rec.v + 1, d: { ...rec.d, unit: 'kg' } }, b.privateKey());
    opened.parts.set('items.jsonl', `${lines.join('\n')}\n`);
    const parsed = parseBundle(readFileSync(wb.path));
    const aDigest = parsed.digests.find((d) => d.digest.site === a.id)!.digest;
    const { recordSetSha } = await import('../../../src/core/exchange/relay');
    const forgedSet = lines
      .filter((l) => l.includes(`"o":"${a.id}"`))
      .map((l) => {
        const r = JSON.parse(l.slice(l.indexOf(' ') + 1)) as RecordEnvelope;
        return { t: r.t, id: r.id, line: l };
      });
    const others = parsed.records
      .filter((r) => r.record.o === a.id && r.record.t !== 'item')
      .map((r) => ({ t: r.record.t, id: r.record.id, line: r.line }));
    const forged = signDigest({ ...aDigest, sha256: recordSetSha([...forgedSet, ...others]) }, b.privateKey());
    opened.parts.set(
      DIGEST_PART,
      opened.parts
        .get(DIGEST_PART)!
        .split('\n')
        .map((l) => (parseDigestLine(l)?.digest.site === a.id ? forged : l))
        .join('\n'),
    );
    writeFileSync(join(s, 'forged.makshare'), sealBundle(opened, b.privateKey()));
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: 'forged.makshare' });
    expect(p.rejected).toEqual([{ type: 'item', id: rec.id, site: a.id, reason: 'bad_signature' }]);
    // And applying it never stores the forged digest.
    await c.call('exchange.apply', { folder: s, name: 'forged.makshare', sha256: p.sha256 });
    const stored = c.core.ctx.db.prepare('SELECT line FROM exchange_digests WHERE origin_site = ?').pluck().get(a.id) as string | undefined;
    expect(stored).not.toBe(forged);
  });

  it('only the latest weeks’ counts travel: a year of relaying does not carry a year of weeks', async () => {
    const { a, b, wb } = await chain();
    const weekly = (buf: Buffer) =>
      parseBundle(buf)
        .records.filter((r) => r.record.t === 'weekly' && r.record.o === a.id)
        .map((r) => r.record.id);
    const before = weekly(readFileSync(wb.path));
    expect(before.length).toBeGreaterThan(0);
    b.clock.advance(20 * 7 * 86_400_000);
    // (straight to core: twenty weeks on, the coordinator's session is long over)
    expect(weekly(buildShareBundle(b.core.ctx).bytes)).toEqual([]);
  });
});

describe('an origin applied in full is skipped whole when its digest comes again (a region stays cheap)', () => {
  /** Counts the record-by-record lookups an import makes for `ids` (the stored line of each record). */
  function countLookups(s: Site, ids: ReadonlySet<string>): { n: number } {
    const seen = { n: 0 };
    const db = s.core.ctx.db;
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      if (!/FROM exchange_records WHERE type = \? AND id = \?/.test(sql)) return stmt;
      const get = stmt.get.bind(stmt);
      stmt.get = ((...args: unknown[]) => {
        if (ids.has(args[2] as string)) seen.n += 1;
        return get(...args);
      }) as typeof stmt.get;
      return stmt;
    }) as typeof db.prepare;
    return seen;
  }
  const aIds = (s: Site, aId: string) =>
    new Set(s.core.ctx.db.prepare('SELECT id FROM exchange_records WHERE origin_site = ?').pluck().all(aId) as string[]);
  const applied = (s: Site, origin: string) =>
    s.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_digests_applied WHERE origin_site = ?').pluck().get(origin) as number;

  it('marks the digest applied once every record it covers is taken, then holds those records without a look at each', async () => {
    const { a, b, c, s, wb } = await chain();
    await c.call('exchange.apply', { folder: s, name: wb.fileName, sha256: wb.sha256 });
    expect(applied(c, a.id)).toBe(1);
    const held = aIds(c, a.id);
    const items = aItems(c, a.id);
    expect(items).toBeGreaterThan(20);

    // Next week B sends its bundle again; A has changed nothing, so it carries the same digest of A.
    const wb2 = await b.call<WrittenFile>('exchange.export_share', { folder: s });
    const lookups = countLookups(c, held);
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb2.fileName });
    await c.call('exchange.apply', { folder: s, name: wb2.fileName, sha256: p.sha256 });
    expect(lookups.n).toBe(0);
    expect(countOf(p, 'item')).toMatchObject({ new: 0, updated: 0, rejected: 0, unchanged: items });
    expect(p.sites.find((x) => x.id === a.id)).toMatchObject({ records: held.size, status: 'trusted' });
    expect(aItems(c, a.id)).toBe(items);
  });

  it('still refuses, and shows, a record altered on the way under that very digest', async () => {
    const { a, b, c, s, wb } = await chain();
    await c.call('exchange.apply', { folder: s, name: wb.fileName, sha256: wb.sha256 });
    const wb2 = await b.call<WrittenFile>('exchange.export_share', { folder: s });
    const opened = openBundle(readFileSync(wb2.path));
    const lines = opened.parts.get('items.jsonl')!.trim().split('\n');
    const i = lines.findIndex((l) => l.includes(`"o":"${a.id}"`));
    const sp = lines[i]!.indexOf(' ');
    const rec = JSON.parse(lines[i]!.slice(sp + 1)) as RecordEnvelope;
    lines[i] = `${lines[i]!.slice(0, sp)} ${JSON.stringify({ ...rec, v: rec.v + 1, d: { ...rec.d, unit: 'kg' } })}`;
    opened.parts.set('items.jsonl', `${lines.join('\n')}\n`);
    writeFileSync(join(s, 'altered.makshare'), sealBundle(opened, b.privateKey()));
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: 'altered.makshare' });
    expect(p.rejected).toEqual([{ type: 'item', id: rec.id, site: a.id, reason: 'bad_signature' }]);
  });

  it('does not mark a digest whose records were not all taken: they are decided again, and the refusal shown again', async () => {
    const { a, c, s, wb } = await chain();
    // C already holds one of A's ids from another hub: that record is refused (an id conflict).
    const victim = parseBundle(readFileSync(wb.path)).records.find((r) => r.record.o === a.id && r.record.t === 'item')!.record.id;
    c.core.ctx.db
      .prepare(
        "INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES ('item', ?, 'someone-else', 1, 'x', 'l', 't')",
      )
      .run(victim);
    const p1 = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    expect(p1.rejected).toEqual([{ type: 'item', id: victim, site: a.id, reason: 'id_conflict' }]);
    await c.call('exchange.apply', { folder: s, name: wb.fileName, sha256: p1.sha256 });
    expect(applied(c, a.id)).toBe(0);
    const p2 = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    expect(p2.rejected).toEqual([{ type: 'item', id: victim, site: a.id, reason: 'id_conflict' }]);
  });

  it('decides an origin no longer trusted record by record again, as before: an old trust skips nothing', async () => {
    const { a, b, c, s, wb } = await chain();
    await c.call('exchange.apply', { folder: s, name: wb.fileName, sha256: wb.sha256 });
    await c.call('exchange.set_trust', { siteId: a.id, trusted: false });
    const held = aIds(c, a.id);
    const wb2 = await b.call<WrittenFile>('exchange.export_share', { folder: s });
    const lookups = countLookups(c, held);
    const p = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb2.fileName });
    expect(p.sites.find((x) => x.id === a.id)).toMatchObject({ status: 'untrusted' });
    expect(lookups.n).toBe(held.size);
  });
});
