import { afterEach } from 'vitest';
import { createHash, type KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../../src/core/index';
import { openDatabase } from '../../../src/core/db/open';
import { seedDemo } from '../../../src/core/demo/seed';
import { folderSpace, type DriveSource } from '../../../src/core/exchange/drives';
import { PART_NAMES, privateKeyObject, sha256Hex, signManifest, type Manifest } from '../../../src/core/exchange/format';
import type { ImportPreview, KnownSite, SiteCard } from '../../../src/shared/api/channels/exchange';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../../support/fixed';

/** Temp folders stand in for USB sticks; free space is the real one unless a test overrides it. */
export function testDrives(space?: (folder: string) => { freeBytes: number; totalBytes: number }): DriveSource {
  return { list: () => Promise.resolve([]), space: space ?? folderSpace };
}

export interface Site {
  core: Core;
  clock: FixedClock;
  dir: string;
  id: string;
  token: string;
  call<T = unknown>(channel: string, input: unknown): Promise<T>;
  /** The raw result, for checking error codes. */
  raw(channel: string, input: unknown): ReturnType<Core['dispatch']>;
  privateKey(): KeyObject;
  /** sha256 of the whole database content: "nothing changed" means this did not move. */
  checksum(): string;
  dispose(): void;
}

/** A hub of its own: its own data folder, clock, ids and keys (seeded by name, so sites differ). */
export async function makeSite(
  name: string,
  opts: {
    demo?: boolean;
    drives?: DriveSource;
    writeHooks?: CoreDeps['writeHooks'];
    logError?: CoreDeps['logError'];
    setUp?: boolean;
    network?: CoreDeps['network'];
    ticker?: CoreDeps['ticker'];
  } = {},
): Promise<Site> {
  const tmp = tempDir(`kiosk-${name.replace(/\W/g, '')}-`);
  const dataDir = join(tmp.path, 'data');
  mkdirSync(dataDir);
  const clock = new FixedClock();
  const core = createCore({
    db: openDatabase(join(dataDir, 'kiosk.sqlite')),
    clock,
    ids: sequentialIds(clock, name),
    keys: seededKeys(name),
    drives: opts.drives ?? testDrives(),
    ...(opts.writeHooks ? { writeHooks: opts.writeHooks } : {}),
    ...(opts.logError ? { logError: opts.logError } : {}),
    ...(opts.network ? { network: opts.network } : {}),
    ...(opts.ticker ? { ticker: opts.ticker } : {}),
  });
  const raw = (channel: string, input: unknown, session: string | null = null) => core.dispatch(channel, { input, session });
  let token = '';
  if (opts.setUp !== false) {
    if (opts.demo) {
      seedDemo(core.ctx, core.services.intake);
      // seedDemo names every demo hub alike; give this one its own name.
      core.ctx.db.prepare('UPDATE site SET name = ?').run(name);
    } else {
      const r = await raw('site.setup', { name, languages: ['en', 'ar'], siteLanguage: 'en', pin: '1234' });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    const login = await raw('auth.login', { pin: '1234' });
    if (!login.ok) throw new Error(JSON.stringify(login));
    token = (login.value as { token: string }).token;
  }
  const site: Site = {
    core,
    clock,
    dir: tmp.path,
    id: opts.setUp === false ? '' : (core.ctx.db.prepare('SELECT id FROM site').get() as { id: string }).id,
    token,
    raw: (channel, input) => raw(channel, input, site.token),
    async call<T>(channel: string, input: unknown): Promise<T> {
      const r = await raw(channel, input, site.token);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    privateKey: () =>
      privateKeyObject(
        (core.ctx.db.prepare('SELECT private_key FROM site_keys WHERE key_id = 1').get() as { private_key: Uint8Array }).private_key,
      ),
    checksum: () => createHash('sha256').update(core.ctx.db.serialize()).digest('hex'),
    dispose() {
      core.close();
      tmp.remove();
    },
  };
  return site;
}

/** A temp folder that plays the USB stick. */
export function stick(): { path: string; remove(): void } {
  return tempDir('kiosk-stick-');
}

export interface OpenBundle {
  manifest: Manifest;
  parts: Map<string, string>;
}

/** Takes a bundle apart (no checks: tests use it to build bad ones). */
export function openBundle(buf: Buffer): OpenBundle {
  const nl1 = buf.indexOf(0x0a);
  const nl2 = buf.indexOf(0x0a, nl1 + 1);
  const nl3 = buf.indexOf(0x0a, nl2 + 1);
  const manifest = JSON.parse(buf.subarray(nl1 + 1, nl2).toString()) as Manifest;
  const parts = new Map<string, string>();
  let off = nl3 + 1;
  for (const p of manifest.parts) {
    parts.set(p.name, buf.subarray(off, off + p.bytes).toString());
    off += p.bytes;
  }
  return { manifest, parts };
}

/** Puts a (possibly edited) bundle back together with fresh sizes and checksums, signed by `key`. */
export function sealBundle(b: OpenBundle, key: KeyObject, magic = `MAK-SHARE ${b.manifest.version}`): Buffer {
  const bufs: Buffer[] = [];
  const parts = b.manifest.parts.map((p) => {
    const buf = Buffer.from(b.parts.get(p.name) ?? '');
    bufs.push(buf);
    return { ...p, bytes: buf.length, sha256: sha256Hex(buf), records: buf.length ? buf.toString().split('\n').length - 1 : 0 };
  });
  const manifestLine = JSON.stringify({ ...b.manifest, parts });
  return Buffer.concat([Buffer.from(`${magic}\n${manifestLine}\n${signManifest(manifestLine, key)}\n`), ...bufs]);
}

export { PART_NAMES };

/**
 * The hubs and sticks of one test file, disposed after each test: `site` makes a hub (with demo
 * data if asked), `folder` a stick, `trust(at, from)` adds `from`'s card at `at`, and `later`
 * runs anything else once the test is over.
 */
export function hubs() {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    while (cleanup.length) cleanup.pop()!();
  });
  return {
    later(fn: () => void): void {
      cleanup.push(fn);
    },
    async site(name: string, demo = false): Promise<Site> {
      const s = await makeSite(name, { demo });
      cleanup.push(() => s.dispose());
      return s;
    },
    folder(): string {
      const f = stick();
      cleanup.push(() => f.remove());
      return f.path;
    },
    async trust(at: Site, from: Site): Promise<KnownSite> {
      const card = await from.call<SiteCard>('exchange.card', {});
      return at.call<KnownSite>('exchange.add_card', { code: card.digits });
    },
  };
}

/** One record type's line of a preview's counts. */
export const countOf = (p: ImportPreview, type: string) => p.counts.find((c) => c.type === type)!;
