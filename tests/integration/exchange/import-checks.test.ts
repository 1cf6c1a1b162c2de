import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportPreview, WrittenFile } from '../../../src/shared/api/channels/exchange';
import { signRecord, type RecordEnvelope } from '../../../src/core/exchange/format';
import { countOf, hubs, openBundle, sealBundle } from './support';

// How an import checks a bundle only as much as it must (docs/bundle-format.md, "Checking"):
// the signer's records stand on its manifest signature, other hubs' records on their own, and
// apply reuses the preview's decisions only while not one row of the database has changed.

const { site, folder, trust } = hubs();
const count = countOf;
const firstItemLine = (path: string) => {
  const opened = openBundle(readFileSync(path));
  const lines = opened.parts.get('items.jsonl')!.trim().split('\n');
  const json = lines[0]!.slice(lines[0]!.indexOf(' ') + 1);
  return { opened, lines, json, record: JSON.parse(json) as RecordEnvelope };
};

describe('which signatures an import checks', () => {
  it('takes the signer’s own records on its manifest signature, and the next hub checks each record’s own', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    const c = await site('Riverside Commons');
    await trust(b, a);
    await trust(c, b);
    await trust(c, a);
    const s = folder();
    const wa = await a.call<WrittenFile>('exchange.export_share', { folder: s });

    // A's bundle, resealed by A, where one of A's records carries a signature that is not A's:
    // the bytes are A's (the manifest signature fixes them), so B takes the record as A wrote it.
    const { opened, lines, json, record } = firstItemLine(wa.path);
    lines[0] = signRecord(JSON.parse(json) as RecordEnvelope, b.privateKey());
    expect(lines[0].slice(lines[0].indexOf(' ') + 1)).toBe(json);
    opened.parts.set('items.jsonl', `${lines.join('\n')}\n`);
    writeFileSync(join(s, 'resigned.makshare'), sealBundle(opened, a.privateKey()));
    const atB = await b.call<ImportPreview>('exchange.preview', { folder: s, name: 'resigned.makshare' });
    expect(count(atB, 'item').rejected).toBe(0);
    await b.call('exchange.apply', { folder: s, name: 'resigned.makshare', sha256: atB.sha256 });

    // Passed on, that record is a third site's: C checks it against A's key and refuses it.
    const wb = await b.call<WrittenFile>('exchange.export_share', { folder: s });
    const atC = await c.call<ImportPreview>('exchange.preview', { folder: s, name: wb.fileName });
    expect(atC.rejected).toEqual([{ type: 'item', id: record.id, site: a.id, reason: 'bad_signature' }]);
    expect(count(atC, 'item')).toMatchObject({ new: count(atB, 'item').new - 1, rejected: 1 });
    await c.call('exchange.apply', { folder: s, name: wb.fileName, sha256: atC.sha256 });
    expect(c.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items WHERE id = ?').get(record.id)).toEqual({ n: 0 });
  });
});

describe('apply after preview', () => {
  it('decides again when another connection changed a row after the preview', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const { record } = firstItemLine(w.path);
    const p = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
    expect(p.rejected).toEqual([]);

    // Meanwhile a second process (the pickup table, say) adds an item of B's own under that id.
    const other = new Database(b.core.ctx.db.name);
    other
      .prepare(
        "INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES (?, ?, 'kg', '2026-11-28T09:00:00.000Z', '2026-11-28T09:00:00.000Z')",
      )
      .run(record.id, b.id);
    other.close();

    const log = await b.call<{ counts: ImportPreview['counts'] }>('exchange.apply', { folder: s, name: w.fileName, sha256: p.sha256 });
    expect(log.counts.find((x) => x.type === 'item')).toMatchObject({ new: count(p, 'item').new - 1, rejected: 1 });
    expect(b.core.ctx.db.prepare('SELECT origin_site, unit FROM items WHERE id = ?').get(record.id)).toEqual({
      origin_site: b.id,
      unit: 'kg',
    });
  });

  it('decides again when this hub changed anything after the preview', async () => {
    const a = await site('Eastside Hub', true);
    const b = await site('Northside Pantry');
    const known = await trust(b, a);
    const s = folder();
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s });
    const p = await b.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
    expect(p.canApply).toBe(true);
    await b.call('exchange.set_trust', { siteId: known.id, trusted: false });
    const before = b.checksum();
    expect(await b.raw('exchange.apply', { folder: s, name: w.fileName, sha256: p.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'exchange.untrusted_site' },
    });
    expect(b.checksum()).toBe(before);
  });
});
