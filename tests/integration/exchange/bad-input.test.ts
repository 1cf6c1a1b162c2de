import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, openSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { SiteCard, WrittenFile } from '../../../src/shared/api/channels/exchange';
import { signRecord, LIMITS } from '../../../src/core/exchange/format';
import { makeSite, openBundle, sealBundle, stick, type Site } from './support';
import { seededKeys } from '../../support/fixed';
import { createPrivateKey } from 'node:crypto';

/**
 * Every bad bundle gets a clear code and leaves the importing site's database exactly as it was
 * (sha256 of the whole database content before and after), for preview and for apply.
 */
let a: Site;
let b: Site;
let dir: { path: string; remove(): void };
let good: Buffer;
let goodName: string;

beforeAll(async () => {
  a = await makeSite('Eastside Hub', { demo: true });
  b = await makeSite('Northside Pantry');
  dir = stick();
  const card = await a.call<SiteCard>('exchange.card', {});
  await b.call('exchange.add_card', { code: card.digits });
  const w = await a.call<WrittenFile>('exchange.export_share', { folder: dir.path });
  good = readFileSync(w.path);
  goodName = w.fileName;
});
afterAll(() => {
  a.dispose();
  b.dispose();
  dir.remove();
});

async function expectRefused(name: string, bytes: Buffer | null, code: string): Promise<void> {
  if (bytes) writeFileSync(join(dir.path, name), bytes);
  const before = b.checksum();
  const preview = await b.raw('exchange.preview', { folder: dir.path, name });
  expect(preview, `${name} preview`).toMatchObject({ ok: false, error: { code } });
  const apply = await b.raw('exchange.apply', { folder: dir.path, name, sha256: '0'.repeat(64) });
  expect(apply.ok, `${name} apply`).toBe(false);
  const applyReal = await b.raw('exchange.apply', {
    folder: dir.path,
    name,
    sha256: bytes ? (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex') : '0'.repeat(64),
  });
  expect(applyReal, `${name} apply with its own checksum`).toMatchObject({ ok: false, error: { code } });
  expect(b.checksum(), `${name} left the database as it was`).toBe(before);
}

const edit = (fn: (o: ReturnType<typeof openBundle>) => void, key = a.privateKey(), magic?: string) => {
  const o = openBundle(good);
  fn(o);
  return sealBundle(o, key, magic);
};

describe('bad bundles change nothing', () => {
  it('the good bundle itself is fine (the cases below differ from it in one way each)', async () => {
    const p = await b.raw('exchange.preview', { folder: dir.path, name: goodName });
    expect(p.ok).toBe(true);
  });

  it('truncated file', async () => {
    await expectRefused('cut.makshare', good.subarray(0, Math.floor(good.length / 2)), 'exchange.truncated');
    await expectRefused('cut-head.makshare', good.subarray(0, 40), 'exchange.truncated');
  });

  it('flipped byte in a part, and in the manifest', async () => {
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 30) ^ 0x01, flipped.length - 30);
    await expectRefused('flip-part.makshare', flipped, 'exchange.checksum');
    const inManifest = Buffer.from(good);
    const at = inManifest.indexOf('"sequence":1') + 11;
    inManifest[at] = '7'.charCodeAt(0);
    await expectRefused('flip-manifest.makshare', inManifest, 'exchange.bad_signature');
  });

  it('wrong signature: another key signs a manifest that names the site', async () => {
    const other = createPrivateKey({ key: Buffer.from(seededKeys('mallory').generate().privateKey), format: 'der', type: 'pkcs8' });
    await expectRefused(
      'wrong-sig.makshare',
      edit(() => {}, other),
      'exchange.bad_signature',
    );
    // …and one that swaps in its own key under a known site's id.
    await expectRefused(
      'swapped-key.makshare',
      edit((o) => {
        o.manifest.site.publicKey = Buffer.from(seededKeys('mallory').generate().publicKey).toString('base64');
      }, other),
      'exchange.key_changed',
    );
  });

  it('unknown format version (file header and manifest)', async () => {
    await expectRefused(
      'v3.makshare',
      edit(() => {}, a.privateKey(), 'MAK-SHARE 3'),
      'exchange.bad_version',
    );
    await expectRefused(
      'v3-manifest.makshare',
      edit(
        (o) => {
          o.manifest.version = 3;
        },
        a.privateKey(),
        'MAK-SHARE 2',
      ),
      'exchange.bad_version',
    );
  });

  it('unknown site: previewed, but apply is refused until trusted', async () => {
    const stranger = await makeSite('Far Away Hub', { demo: true });
    try {
      const w = await stranger.call<WrittenFile>('exchange.export_share', { folder: dir.path });
      const before = b.checksum();
      const p = await b.raw('exchange.preview', { folder: dir.path, name: w.fileName });
      expect(p).toMatchObject({ ok: true, value: { canApply: false } });
      const r = await b.raw('exchange.apply', { folder: dir.path, name: w.fileName, sha256: w.sha256 });
      expect(r).toMatchObject({ ok: false, error: { code: 'exchange.unknown_site' } });
      expect(b.checksum()).toBe(before);
    } finally {
      stranger.dispose();
    }
  });

  it('a bundle ten times larger than any real one is refused before it is read', async () => {
    const name = 'huge.makshare';
    const fd = openSync(join(dir.path, name), 'w');
    // Sparse: 10× the largest real bundle, without using the disk.
    ftruncateSync(fd, LIMITS.bundleBytes * 10);
    closeSync(fd);
    await expectRefused(name, null, 'exchange.too_large');
  });

  it('path traversal names, in the request and inside the bundle', async () => {
    for (const name of ['../kiosk.sqlite', '../../etc/passwd', '/etc/passwd', 'sub/x.makshare', '..', '.hidden.makshare']) {
      const before = b.checksum();
      const r = await b.raw('exchange.preview', { folder: dir.path, name });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'exchange.bad_name' } });
      expect(b.checksum()).toBe(before);
    }
    await expectRefused(
      'part-name.makshare',
      edit((o) => {
        const p = o.manifest.parts[1]!;
        o.parts.set('../../evil.jsonl', o.parts.get(p.name)!);
        (p as { name: string }).name = '../../evil.jsonl';
      }),
      'exchange.malformed',
    );
    await expectRefused(
      'record-id.makshare',
      edit((o) => {
        const lines = o.parts.get('items.jsonl')!.trim().split('\n');
        const rec = JSON.parse(lines[0]!.slice(lines[0]!.indexOf(' ') + 1)) as Parameters<typeof signRecord>[0];
        lines[0] = signRecord({ ...rec, id: '../../../etc/passwd' }, a.privateKey());
        o.parts.set('items.jsonl', `${lines.join('\n')}\n`);
      }),
      'exchange.malformed',
    );
  });

  it('a compressed bomb is never inflated: bundles are not compressed, a gzip file is not a bundle', async () => {
    await expectRefused('bomb.makshare', gzipSync(Buffer.alloc(50 * 1024 * 1024)), 'exchange.not_a_bundle');
  });

  it('malformed JSON lines', async () => {
    await expectRefused(
      'bad-json.makshare',
      edit((o) => {
        const lines = o.parts.get('items.jsonl')!.trim().split('\n');
        lines[2] = `${lines[2]!.slice(0, 60)}`;
        o.parts.set('items.jsonl', `${lines.join('\n')}\n`);
      }),
      'exchange.malformed',
    );
    await expectRefused(
      'no-newline.makshare',
      edit((o) => {
        o.parts.set('items.jsonl', o.parts.get('items.jsonl')!.trimEnd());
      }),
      'exchange.malformed',
    );
    await expectRefused(
      'wrong-type.makshare',
      edit((o) => {
        o.parts.set('items.jsonl', o.parts.get('items.jsonl')! + o.parts.get('categories.jsonl')!);
      }),
      'exchange.malformed',
    );
  });

  it('duplicate ids with different content', async () => {
    await expectRefused(
      'dup.makshare',
      edit((o) => {
        const lines = o.parts.get('items.jsonl')!.trim().split('\n');
        const rec = JSON.parse(lines[0]!.slice(lines[0]!.indexOf(' ') + 1)) as Parameters<typeof signRecord>[0];
        lines.push(signRecord({ ...rec, d: { ...rec.d, unit: 'kg' } }, a.privateKey()));
        o.parts.set('items.jsonl', `${lines.join('\n')}\n`);
      }),
      'exchange.duplicate',
    );
  });

  it('a bundle from the future (clock skew)', async () => {
    await expectRefused(
      'future.makshare',
      edit((o) => {
        o.manifest.created = '2027-03-01T10:00:00.000Z';
      }),
      'exchange.from_future',
    );
  });

  it('a file that changed between preview and apply', async () => {
    const before = b.checksum();
    const r = await b.raw('exchange.apply', { folder: dir.path, name: goodName, sha256: 'f'.repeat(64) });
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.changed' } });
    expect(b.checksum()).toBe(before);
  });
});
