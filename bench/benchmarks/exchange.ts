import { mkdirSync, readFileSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync, renameSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, randomBytes, scryptSync, sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { folderSpace, type DriveSource } from '../../src/core/exchange/drives';
import { ImportCache } from '../../src/core/exchange/import-cache';
import { exportShare } from '../../src/core/exchange/share-export';
import { applyBundle, previewBundle } from '../../src/core/exchange/share-import';
import { exportBackup, restoreBackup } from '../../src/core/exchange/backup';
import { cardOf, ownIdentity, rememberSite } from '../../src/core/exchange/sites';
import { publicKeyObject, sha256Hex, verifyManifest, type CardBody } from '../../src/core/exchange/format';
import { parseDigestLine, recordSetSha, verifyDigest, type DigestedRecord } from '../../src/core/exchange/relay';
import { FixedClock, seededKeys, sequentialIds } from '../../tests/support/fixed';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

const drives: DriveSource = { list: () => Promise.resolve([]), space: folderSpace };
const PASS = 'bench passphrase, long enough';
/** The backup's key derivation and cipher, as src/core/exchange/backup.ts uses them. */
const KDF = { N: 1 << 15, r: 8, p: 1, maxmem: 256 * (1 << 15) * 8 + 1024 * 1024 };

function rawEncrypt(plain: Buffer): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(PASS, salt, 32, KDF), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), body]);
}

function rawDecrypt(data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', scryptSync(PASS, data.subarray(0, 16), 32, KDF), data.subarray(16, 28));
  decipher.setAuthTag(data.subarray(28, 44));
  return Buffer.concat([decipher.update(data.subarray(44)), decipher.final()]);
}

/** Rounds the harness runs: 5 warm-up + 10 measured for n = 10. Each first import needs a fresh target. */
const RUNS = 22;

async function freshSite(dir: string, name: string, setUp: boolean): Promise<Core> {
  mkdirSync(dir, { recursive: true });
  const clock = new FixedClock(Date.UTC(2026, 10, 28, 10, 0, 0));
  const core = createCore({
    db: openDatabase(join(dir, 'kiosk.sqlite')),
    clock,
    ids: sequentialIds(clock, name),
    keys: seededKeys(name),
    drives,
  });
  if (setUp) await core.dispatch('site.setup', { input: { name, languages: ['en'], siteLanguage: 'en', pin: '1234' } });
  return core;
}

/** The rows a share bundle is made of, read and serialised with bare better-sqlite3 (no signing, no versions). */
function rawShareRead(db: Database.Database): string {
  const out: string[] = [];
  for (const r of db.prepare('SELECT id, icon, sort FROM categories').all()) out.push(JSON.stringify(r));
  for (const r of db.prepare('SELECT category_id, locale, name FROM category_names').all()) out.push(JSON.stringify(r));
  for (const r of db
    .prepare('SELECT id, category_id, unit, icon, limit_qty, limit_days, low_stock, archived_at, created_at FROM items')
    .all())
    out.push(JSON.stringify(r));
  for (const r of db.prepare('SELECT item_id, locale, name FROM item_names').all()) out.push(JSON.stringify(r));
  for (const r of db.prepare('SELECT item_id, barcode FROM item_barcodes').all()) out.push(JSON.stringify(r));
  for (const r of db
    .prepare('SELECT id, kind, category, detail, languages, availability, status, created_at FROM needs_offers WHERE shareable = 1')
    .all())
    out.push(JSON.stringify(r));
  out.push(JSON.stringify(db.prepare('SELECT item_id, SUM(qty) AS q FROM on_hand GROUP BY item_id').all()));
  out.push(
    JSON.stringify(
      db.prepare("SELECT substr(at, 1, 10) AS d, COUNT(DISTINCT household_id) AS h FROM visits WHERE at >= '2026-10-01' GROUP BY d").all(),
    ),
  );
  out.push(
    JSON.stringify(
      db
        .prepare(
          "SELECT substr(m.at, 1, 10) AS d, i.category_id, SUM(m.qty) FROM movements m JOIN items i ON i.id = m.item_id WHERE m.kind = 'distribute' AND m.at >= '2026-10-01' GROUP BY d, i.category_id",
        )
        .all(),
    ),
  );
  return out.join('\n');
}

/** The site's own signing key, read bare. */
function siteKey(db: Database.Database): KeyObject {
  const row = db.prepare('SELECT private_key FROM site_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1').get() as {
    private_key: Buffer;
  };
  return createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' });
}

/** Bare atomic write as the app does it: temp name, fsync, rename, read back and compare. */
function rawAtomicWrite(file: string, data: Buffer): void {
  const tmp = `${file}.part`;
  writeFileSync(tmp, data);
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, file);
  if (!readFileSync(file).equals(data)) throw new Error('read-back differs');
}

/**
 * exchange.export_share: build, sign and atomically write a share bundle of the busy site. The
 * first export signs every record (later ones may reuse signatures of unchanged records): it is
 * measured on its own (`first`) and not hidden in a warm-up. The floor signs every record line
 * with Ed25519 the first time and reuses the signature of an unchanged line after, signs the
 * manifest, and writes atomically with read-back.
 */
export function exportShareBench(ctx: BenchContext): Benchmark {
  const out = join(ctx.dir, 'stick-export');
  let raw: Database.Database;
  let key: KeyObject;
  const signed = new Map<string, string>();
  return {
    name: 'exchange.export_share',
    n: 10,
    warmup: 0,
    coldFirst: true,
    setup() {
      mkdirSync(out, { recursive: true });
      raw = new Database(ctx.site.file, { readonly: true });
      key = siteKey(raw);
    },
    async run() {
      await exportShare(ctx.site.core.ctx, drives, out, null);
    },
    raw(i) {
      const lines = rawShareRead(raw)
        .split('\n')
        .map((line) => {
          let sig = signed.get(line);
          if (sig === undefined) signed.set(line, (sig = sign(null, Buffer.from(line), key).toString('base64')));
          return `${sig} ${line}`;
        });
      const body = Buffer.from(lines.join('\n'));
      const manifest = JSON.stringify({ sha256: createHash('sha256').update(body).digest('hex'), size: body.length });
      const data = Buffer.concat([Buffer.from(`${manifest}\n${sign(null, Buffer.from(manifest), key).toString('base64')}\n`), body]);
      rawAtomicWrite(join(out, `raw-${i}.txt`), data);
    },
    teardown() {
      raw.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

interface ImportFixture {
  stick: string;
  name: string;
  sha256: string;
}

type RawLine = { t: string; id: string; o: string; d: Record<string, unknown> };

async function shareFixture(ctx: BenchContext, stick: string): Promise<ImportFixture> {
  mkdirSync(stick, { recursive: true });
  const w = await exportShare(ctx.site.core.ctx, drives, stick, null);
  return { stick, name: w.fileName, sha256: w.sha256 };
}

/** Bare better-sqlite3 inserting the same rows the import writes (names, barcodes, the record line; no checks, no versions). */
function rawInsert(file: string, lines: RawLine[], origin: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const cat = db.prepare('INSERT INTO categories (id, origin_site, icon, sort) VALUES (?, ?, ?, ?)');
  const catName = db.prepare('INSERT INTO category_names (category_id, locale, name) VALUES (?, ?, ?)');
  const item = db.prepare(
    'INSERT INTO items (id, origin_site, category_id, unit, icon, low_stock, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const itemName = db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
  const barcode = db.prepare('INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)');
  const no = db.prepare("INSERT INTO needs_offers (id, origin_site, kind, category, detail, created_at) VALUES (?, ?, ?, ?, ?, 't')");
  const rec = db.prepare(
    "INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES (?, ?, ?, 1, '', ?, 't')",
  );
  db.transaction(() => {
    for (const l of lines) {
      rec.run(l.t, l.id, origin, JSON.stringify(l.d));
      const names = (l.d.names ?? {}) as Record<string, string>;
      if (l.t === 'category') {
        cat.run(l.id, origin, l.d.icon ?? null, l.d.sort ?? 0);
        for (const [k, v] of Object.entries(names)) catName.run(l.id, k, v);
      } else if (l.t === 'item') {
        item.run(l.id, origin, l.d.categoryId ?? null, l.d.unit, l.d.icon ?? null, l.d.lowStock ?? 0, 't', 't');
        for (const [k, v] of Object.entries(names)) itemName.run(l.id, k, v);
        for (const b of (l.d.barcodes ?? []) as string[]) barcode.run(b, l.id);
      } else if (l.t === 'need_offer') no.run(l.id, origin, l.d.kind, l.d.category, l.d.detail ?? null);
    }
  })();
  db.close();
}

/**
 * The checks no import can skip, done bare: the manifest's signature, the sha256 of every byte,
 * and the signature of each origin's digest (format 2 vouches for relayed records with those).
 */
function floorVerify(buf: Buffer, cards: readonly CardBody[], records: readonly { line: string; rec: RawLine }[]): void {
  const nl1 = buf.indexOf(0x0a);
  const nl2 = buf.indexOf(0x0a, nl1 + 1);
  const nl3 = buf.indexOf(0x0a, nl2 + 1);
  const manifestLine = buf.subarray(nl1 + 1, nl2).toString();
  const manifest = JSON.parse(manifestLine) as { site: { publicKey: string } };
  if (!verifyManifest(manifestLine, buf.subarray(nl2 + 1, nl3).toString(), publicKeyObject(Buffer.from(manifest.site.publicKey, 'base64'))))
    throw new Error('floor: bad manifest');
  sha256Hex(buf.subarray(nl3 + 1));
  const keys = new Map(cards.map((c) => [c.id, publicKeyObject(Buffer.from(c.publicKey, 'base64'))]));
  for (const l of buf.toString('utf8').split('\n')) {
    // Only the digest lines are parsed as digests: parsing every record line too made the floor slower than the work.
    const d = l.includes('"format":"mak-digest"') ? parseDigestLine(l) : null;
    const key = d ? keys.get(d.digest.site) : undefined;
    if (d && key && !verifyDigest(d, key)) throw new Error('floor: bad digest');
    // Verifying a digest is its signature and its origin's records hashing to it.
    if (d && key) {
      const mine: DigestedRecord[] = records
        .filter((r) => r.rec.o === d.digest.site)
        .map((r) => ({ t: r.rec.t, id: r.rec.id, line: r.line }));
      if (recordSetSha(mine) !== d.digest.sha256) throw new Error('floor: records do not match their digest');
    }
  }
}

/**
 * A first import, as the desk does it (preview, then apply, sharing one core's verification
 * cache), of `bundle` into hubs that trust `cards` and hold none of it, beside bare inserts.
 */
function firstImportBench(
  ctx: BenchContext,
  name: string,
  dirName: string,
  bundle: (stick: string) => Promise<{ fx: ImportFixture; cards: CardBody[] }>,
): Benchmark {
  const base = join(ctx.dir, dirName);
  let fx: ImportFixture;
  let cards: CardBody[] = [];
  const targets: Core[] = [];
  const rawFiles: string[] = [];
  let next = 0;
  let nextRaw = 0;
  const bad = 0;
  return {
    name,
    n: 10,
    async setup() {
      const made = await bundle(join(base, 'stick'));
      fx = made.fx;
      cards = made.cards;
      for (let i = 0; i < RUNS; i += 1) {
        const core = await freshSite(join(base, `t${i}`), `target-${i}`, true);
        core.ctx.db.transaction(() => made.cards.forEach((card) => rememberSite(core.ctx, card, { trusted: true, by: null }))).immediate();
        targets.push(core);
        const rawFile = join(base, `raw${i}.sqlite`);
        openDatabase(rawFile).close();
        rawFiles.push(rawFile);
      }
    },
    async run() {
      const core = targets[next++ % RUNS]!;
      const cache = new ImportCache();
      await previewBundle(core.ctx, fx.stick, fx.name, cache);
      await applyBundle(core.ctx, fx.stick, fx.name, fx.sha256, null, cache);
    },
    raw() {
      const buf = readFileSync(join(fx.stick, fx.name));
      const text = buf.toString('utf8');
      const lines = text
        .split('\n')
        .slice(3)
        .filter((l) => l.includes(' ') && !l.startsWith('{') && !l.includes('"format":"mak-digest"'));
      const records = lines.map((line) => ({ line, rec: JSON.parse(line.slice(line.indexOf(' ') + 1)) as RawLine }));
      floorVerify(buf, cards, records);
      rawInsert(
        rawFiles[nextRaw++ % RUNS]!,
        records.map((r) => r.rec),
        'origin',
      );
    },
    teardown() {
      for (const t of targets) t.close();
      rmSync(base, { recursive: true, force: true });
      if (bad) throw new Error(`${name}: the floor found ${bad} record signatures that do not verify`);
    },
  };
}

/** exchange.import_share: verify, preview and apply the busy site's bundle into a hub that has none of it. */
export function importShareBench(ctx: BenchContext): Benchmark {
  return firstImportBench(ctx, 'exchange.import_share', 'import', async (stick) => ({
    fx: await shareFixture(ctx, stick),
    cards: [cardOf(ownIdentity(ctx.site.core.ctx))],
  }));
}

/**
 * exchange.import_relayed: the busy site's catalogue passed on by a second hub (A → B → C), so
 * every record is a third site's and its own signature is checked, on the thread pool.
 */
export function importRelayedBench(ctx: BenchContext): Benchmark {
  return firstImportBench(ctx, 'exchange.import_relayed', 'relayed', async (stick) => {
    const a = ctx.site.core.ctx;
    const direct = await shareFixture(ctx, join(stick, 'from-a'));
    const b = await freshSite(join(stick, '..', 'hub-b'), 'relay-hub', true);
    b.ctx.db.transaction(() => rememberSite(b.ctx, cardOf(ownIdentity(a)), { trusted: true, by: null })).immediate();
    await applyBundle(b.ctx, direct.stick, direct.name, direct.sha256, null);
    mkdirSync(stick, { recursive: true });
    const w = await exportShare(b.ctx, drives, stick, null);
    const cards = [cardOf(ownIdentity(a)), cardOf(ownIdentity(b.ctx))];
    b.close();
    return { fx: { stick, name: w.fileName, sha256: w.sha256 }, cards };
  });
}

/** exchange.reimport_share: the same bundle again into a hub that already has it (nothing changes). */
export function reimportShareBench(ctx: BenchContext): Benchmark {
  const base = join(ctx.dir, 'reimport');
  let fx: ImportFixture;
  let target: Core;
  let rawDb: Database.Database;
  return {
    name: 'exchange.reimport_share',
    n: 10,
    async setup() {
      fx = await shareFixture(ctx, join(base, 'stick'));
      target = await freshSite(join(base, 't'), 'reimport-target', true);
      target.ctx.db
        .transaction(() => rememberSite(target.ctx, cardOf(ownIdentity(ctx.site.core.ctx)), { trusted: true, by: null }))
        .immediate();
      await applyBundle(target.ctx, fx.stick, fx.name, fx.sha256, null);
      rawDb = new Database(join(base, 't', 'kiosk.sqlite'), { readonly: true });
    },
    async run() {
      // A later visit to the desk: a cold cache, shared by that preview and its apply.
      const cache = new ImportCache();
      await previewBundle(target.ctx, fx.stick, fx.name, cache);
      await applyBundle(target.ctx, fx.stick, fx.name, fx.sha256, null, cache);
    },
    raw() {
      // Bare: read the file and look every record up by key, comparing the stored line.
      const text = readFileSync(join(fx.stick, fx.name), 'utf8');
      const get = rawDb.prepare('SELECT line FROM exchange_records WHERE type = ? AND id = ?');
      let same = 0;
      for (const l of text.split('\n').slice(3)) {
        if (!l.includes(' ') || l.startsWith('{')) continue;
        const rec = JSON.parse(l.slice(l.indexOf(' ') + 1)) as { t: string; id: string };
        if ((get.get(rec.t, rec.id) as { line: string } | undefined)?.line === l) same += 1;
      }
      return same;
    },
    teardown() {
      rawDb.close();
      target.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** exchange.export_backup: snapshot, scrypt + AES-256-GCM, atomic write and read-back of the whole busy site. */
export function exportBackupBench(ctx: BenchContext): Benchmark {
  const out = join(ctx.dir, 'stick-backup');
  let raw: Database.Database;
  return {
    name: 'exchange.export_backup',
    n: 3,
    warmup: 1,
    setup() {
      mkdirSync(out, { recursive: true });
      raw = new Database(ctx.site.file);
    },
    async run() {
      const w = await exportBackup(ctx.site.core.ctx, drives, out, PASS, null);
      rmSync(w.path);
    },
    raw(i) {
      // Bare: the same snapshot (VACUUM INTO), scrypt + AES-256-GCM, atomic write to the stick with read-back.
      const snap = join(out, `raw-${i}.sqlite`);
      raw.prepare('VACUUM INTO ?').run(snap);
      const copy = join(out, `raw-${i}.backup`);
      rawAtomicWrite(copy, rawEncrypt(readFileSync(snap)));
      rmSync(snap);
      rmSync(copy);
    },
    teardown() {
      raw.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** exchange.restore_backup: decrypt, check and copy the busy site into a new, empty install. */
export function restoreBackupBench(ctx: BenchContext): Benchmark {
  const base = join(ctx.dir, 'restore');
  const stick = join(base, 'stick');
  let name = '';
  let plain = '';
  let sealed = '';
  const targets: Core[] = [];
  const rawTargets: string[] = [];
  let next = 0;
  let nextRaw = 0;
  return {
    name: 'exchange.restore_backup',
    n: 3,
    warmup: 1,
    async setup() {
      mkdirSync(stick, { recursive: true });
      name = (await exportBackup(ctx.site.core.ctx, drives, stick, PASS, null)).fileName;
      plain = join(base, 'plain.sqlite');
      ctx.site.core.ctx.db.prepare('VACUUM INTO ?').run(plain);
      sealed = join(base, 'raw.backup');
      writeFileSync(sealed, rawEncrypt(readFileSync(plain)));
      for (let i = 0; i < 8; i += 1) {
        targets.push(await freshSite(join(base, `t${i}`), `restore-${i}`, false));
        const f = join(base, `raw${i}.sqlite`);
        // The bare limit: the same tables without the triggers the app keeps derived tables with.
        const db = openDatabase(f);
        for (const { name: trigger } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) {
          db.exec(`DROP TRIGGER "${trigger}"`);
        }
        db.close();
        rawTargets.push(f);
      }
    },
    run() {
      // Returned, so the harness times the whole restore and not only its first synchronous part.
      return restoreBackup(targets[next++ % 8]!.ctx, stick, name, PASS);
    },
    raw(i) {
      // Bare: decrypt (scrypt + AES-256-GCM) the sealed snapshot, then copy every table into an empty database in one transaction.
      const opened = join(base, `opened-${i}.sqlite`);
      writeFileSync(opened, rawDecrypt(readFileSync(sealed)));
      const db = new Database(rawTargets[nextRaw++ % 8]!);
      db.prepare('ATTACH DATABASE ? AS src').run(opened);
      db.transaction(() => {
        for (const { name: t } of db
          .prepare("SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
          .all() as { name: string }[]) {
          db.exec(`DELETE FROM main."${t}"`); // migration defaults (settings rows), as the app does
          db.exec(`INSERT INTO main."${t}" SELECT * FROM src."${t}"`);
        }
      })();
      db.exec('DETACH DATABASE src');
      db.close();
      rmSync(opened);
    },
    teardown() {
      for (const t of targets) t.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
