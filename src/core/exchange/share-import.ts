import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { ImportLogEntry, ImportPreview, PreviewSite, RecordType, RejectReason, TypeCounts } from '../../shared/api/channels/exchange';
import { RECORD_TYPES } from '../../shared/api/channels/exchange';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireFolder, safeFileName } from './atomic-write';
import {
  LIMITS,
  fingerprint,
  publicKeyObject,
  sha256Hex,
  verifyManifest,
  verifyRecordLineAsync,
  type CardBody,
  type ParsedBundle,
  type RecordLine,
} from './format';
import { DATA_SCHEMAS } from './records';
import { hubLabeller, knownHubs, knownSiteRow, ownIdentity, ownPublicKeys, siteLabels, type Hub } from './sites';
import { readSite } from '../site/site-service';
import { markApplied, settledOrigins, storeDigests } from './digests';
import { vouchedByDigest } from './relay';
import { dbStamp, ImportCache, type Analysis } from './import-cache';
import { labelLogEntry, logLabeller } from './import-log';

// A share bundle in: read it, check it, preview what it would change, apply it in one transaction.

/** Reads a bundle from a folder: a plain name, a size limit checked before a byte is read. */
export function readBundleFile(folder: string, name: string): Buffer {
  safeFileName(name);
  requireFolder(folder);
  const path = join(folder, name);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new AppError('exchange.not_found', `no file ${name}`, { name });
  }
  if (size > LIMITS.bundleBytes) {
    throw new AppError('exchange.too_large', `${size} bytes is more than any real bundle`, { maxMb: LIMITS.bundleBytes / (1024 * 1024) });
  }
  return readFileSync(path);
}

type Verdict = { kind: 'new' | 'updated' | 'unchanged' } | { kind: 'rejected'; reason: RejectReason; field?: string };

type CheckedData = { ok: true; dataSha: string; data: Record<string, unknown> } | { ok: false; field: string };
/** What a record line says, checked once per parsed bundle: preview and apply share the parse. */
const checkedData = new WeakMap<RecordLine, CheckedData>();
function checkData(rec: RecordLine): CheckedData {
  const known = checkedData.get(rec);
  if (known !== undefined) return known;
  const r = rec.record;
  let out: CheckedData;
  if ((r.t === 'board' && r.id !== r.o) || (r.t === 'weekly' && !r.id.startsWith(`${r.o}:`))) out = { ok: false, field: 'id' };
  else {
    const data = DATA_SCHEMAS[r.t].safeParse(r.d);
    // The first field that fails is named in the preview, so the coordinator can tell the sender.
    out = data.success
      ? { ok: true, dataSha: sha256Hex(JSON.stringify(r.d)), data: data.data as Record<string, unknown> }
      : { ok: false, field: data.error.issues[0]?.path.map(String).join('.') || 'data' };
  }
  checkedData.set(rec, out);
  return out;
}

/**
 * Verifies a bundle and decides, record by record, what importing it would do. Changes nothing:
 * preview and apply both call it, apply inside its write transaction.
 */
export function analyse(ctx: CoreContext, buf: Buffer, fileName: string, cache: ImportCache = new ImportCache(), sha?: string): Analysis {
  const bundle = cache.parse(buf, sha);
  const { manifest } = bundle;
  // The clock is the one thing outside the database a decision rests on: checked every time.
  if (Date.parse(manifest.created) > ctx.clock.now().getTime() + LIMITS.futureSkewMs) {
    throw new AppError('exchange.from_future', `bundle made at ${manifest.created}, our clock says ${nowIso(ctx)}`, {
      created: manifest.created,
    });
  }
  const recalled = cache.recall(ctx, bundle, fileName);
  if (recalled) return recalled;
  const stamp = dbStamp(ctx);
  const analysis = decide(ctx, bundle, fileName, cache);
  cache.remember(ctx, stamp, fileName, analysis);
  return analysis;
}

function decide(ctx: CoreContext, bundle: ParsedBundle, fileName: string, cache: ImportCache): Analysis {
  const me = ownIdentity(ctx);
  const { manifest } = bundle;
  if (manifest.site.id === me.id) throw new AppError('exchange.own_bundle', 'this bundle was made here');
  const signerKey = Buffer.from(manifest.site.publicKey, 'base64');
  let signerKeyObject: KeyObject;
  try {
    signerKeyObject = publicKeyObject(signerKey);
  } catch {
    throw new AppError('exchange.bad_signature', 'the signer key is not a key');
  }
  const known = knownSiteRow(ctx, manifest.site.id);
  if (known && !Buffer.from(known.public_key).equals(signerKey)) {
    const site = siteLabels(ctx.db)({ id: known.id, name: known.name, fingerprint: known.fingerprint });
    throw new AppError('exchange.key_changed', `site ${site} signed with a key we do not know`, { site });
  }
  if (!verifyManifest(bundle.manifestLine, bundle.signature, signerKeyObject))
    throw new AppError('exchange.bad_signature', 'the manifest signature does not match');

  const cardsInBundle = new Map(bundle.sites.map((c) => [c.id, c]));
  const ownKeys = ownPublicKeys(ctx).map((k) => ({ key: k.key, tag: sha256Hex(k.spki) }));
  const keyCache = new Map<
    string,
    { key: KeyObject | null; tag: string; status: PreviewSite['status']; name: string; fingerprint: string | null }
  >();
  const siteInfo = (id: string) => {
    let info = keyCache.get(id);
    if (info) return info;
    if (id === me.id) info = { key: null, tag: '', status: 'self', name: me.name, fingerprint: fingerprint(me.publicKey) };
    else if (id === manifest.site.id)
      info = {
        key: signerKeyObject,
        tag: sha256Hex(signerKey),
        status: known ? (known.trusted ? 'trusted' : 'untrusted') : 'unknown',
        name: known?.name ?? manifest.site.name,
        fingerprint: fingerprint(signerKey),
      };
    else {
      const k = knownSiteRow(ctx, id);
      const card = cardsInBundle.get(id);
      if (k)
        info = {
          key: publicKeyObject(k.public_key),
          tag: sha256Hex(k.public_key),
          status: k.trusted ? 'trusted' : 'untrusted',
          name: k.name,
          fingerprint: k.fingerprint,
        };
      else if (card) {
        const key = Buffer.from(card.publicKey, 'base64');
        info = { key: null, tag: '', status: 'unknown', name: card.name, fingerprint: fingerprint(key) };
      } else info = { key: null, tag: '', status: 'unknown', name: id, fingerprint: null };
    }
    keyCache.set(id, info);
    return info;
  };

  // The stored line is compared in SQL: a re-import then never copies thousands of lines into JS.
  const stored = ctx.db.prepare('SELECT origin_site, version, line = ? AS same FROM exchange_records WHERE type = ? AND id = ?');
  const localOrigin = {
    category: ctx.db.prepare('SELECT origin_site AS o FROM categories WHERE id = ?'),
    item: ctx.db.prepare('SELECT origin_site AS o FROM items WHERE id = ?'),
    need_offer: ctx.db.prepare('SELECT origin_site AS o FROM needs_offers WHERE id = ?'),
  };
  const counts = new Map<RecordType, TypeCounts>(RECORD_TYPES.map((t) => [t, { type: t, new: 0, updated: 0, unchanged: 0, rejected: 0 }]));
  const perSite = new Map<string, number>();
  const rejected: ImportPreview['rejected'] = [];
  const accepted: Analysis['accepted'] = [];
  const seen = new Set<string>();
  // Origins whose records here are exactly the ones applied in full before (digests.ts): held.
  const settled = settledOrigins(ctx, bundle, (o) => siteInfo(o).status === 'trusted');
  const refusedFrom = new Set<string>();

  for (const rec of bundle.records) {
    const r = rec.record;
    const key = `${r.t}/${r.id}`;
    if (seen.has(key)) continue; // identical duplicate (different ones were refused by parseBundle)
    seen.add(key);
    perSite.set(r.o, (perSite.get(r.o) ?? 0) + 1);
    if (settled.has(r.o)) {
      counts.get(r.t)!.unchanged += 1;
      continue;
    }
    const verdict = ((): Verdict => {
      const prev = stored.get(rec.line, r.t, r.id) as { origin_site: string; version: number; same: 0 | 1 } | undefined;
      // The fast path that makes re-import cheap: the very line we already hold.
      if (prev?.same === 1) return { kind: 'unchanged' };
      if (prev && prev.origin_site !== r.o) return { kind: 'rejected', reason: 'id_conflict' };
      let local: { o: string } | undefined;
      if (r.t !== 'board' && r.t !== 'weekly') {
        local = localOrigin[r.t].get(r.id) as { o: string } | undefined;
        if (local && local.o !== r.o) return { kind: 'rejected', reason: 'id_conflict' };
      }
      const info = siteInfo(r.o);
      if (info.status === 'self') {
        // Our own record coming home: we are its only writer, so it never changes anything here.
        return ownKeys.some((k) => cache.verified(rec, k.key, k.tag))
          ? { kind: 'unchanged' }
          : { kind: 'rejected', reason: 'bad_signature' };
      }
      if (r.o !== manifest.site.id) {
        if (info.status === 'unknown') return { kind: 'rejected', reason: 'unknown_site' };
        if (info.status === 'untrusted') return { kind: 'rejected', reason: 'untrusted_site' };
      }
      if (r.o !== manifest.site.id) {
        // A third site's record: only that site's own signature vouches for it. (The signer's
        // own records are vouched for by the manifest signature, which fixes every part's
        // sha256 and so every byte of every line; checking each of their signatures again
        // would cost ~0.1 ms a record for nothing. Whoever we pass them on to checks them.)
        // One signed digest of the origin's records, when they match it, vouches for them all (relay.ts).
        if (!info.key || (!vouchedByDigest(bundle, r.o, info.key, info.tag) && !cache.verified(rec, info.key, info.tag)))
          return { kind: 'rejected', reason: 'bad_signature' };
      }
      const checked = checkData(rec);
      if (!checked.ok) return { kind: 'rejected', reason: 'invalid', field: checked.field };
      if (prev && prev.version >= r.v) return { kind: 'unchanged' };
      accepted.push({ rec, dataSha: checked.dataSha, data: checked.data, fresh: !prev && !local });
      return { kind: prev ? 'updated' : 'new' };
    })();
    const c = counts.get(r.t)!;
    if (verdict.kind === 'rejected') {
      refusedFrom.add(r.o);
      c.rejected += 1;
      if (rejected.length < 200)
        rejected.push({
          type: r.t,
          id: r.id,
          site: r.o,
          reason: verdict.reason,
          ...(verdict.field !== undefined ? { field: verdict.field } : {}),
        });
    } else c[verdict.kind] += 1;
  }

  // Names as they are stored or carried; the preview shows each told apart from any look-alike
  // (the hubs this one knows and those this bundle brings), and the log keeps them as they are.
  const names = new Map<string, string>();
  const hubs = new Map<string, Hub>(knownHubs(ctx.db).map((h) => [h.id, h]));
  for (const id of new Set([manifest.site.id, ...perSite.keys()])) {
    const info = siteInfo(id);
    names.set(id, info.name);
    hubs.set(id, { id, name: info.name, fingerprint: info.fingerprint });
  }
  const label = hubLabeller([...hubs.values()]);
  const sites: PreviewSite[] = [];
  for (const id of names.keys()) {
    const info = siteInfo(id);
    sites.push({
      id,
      name: label(hubs.get(id)!),
      fingerprint: info.fingerprint,
      status: info.status,
      signer: id === manifest.site.id,
      records: perSite.get(id) ?? 0,
    });
  }
  const signerTrusted = known?.trusted === 1;
  // Origins whose signed digest here covers their records and none of them was refused: once
  // applied, the next bundle carrying that digest skips them whole.
  const appliedInFull = new Set<string>();
  for (const d of bundle.digests) {
    const origin = d.digest.site;
    if (refusedFrom.has(origin)) continue;
    const info = siteInfo(origin);
    if (settled.has(origin) || (info.key && vouchedByDigest(bundle, origin, info.key, info.tag))) appliedInFull.add(origin);
  }
  return {
    bundle,
    appliedInFull,
    signerKnown: known !== undefined,
    signerTrusted,
    signerKey,
    accepted,
    names,
    preview: {
      fileName,
      sha256: bundle.sha256,
      bytes: bundle.bytes,
      signer: {
        id: manifest.site.id,
        name: sites[0]!.name,
        fingerprint: fingerprint(signerKey),
        // A rename is shown before it is taken: a hub taking a look-alike's name is seen doing it.
        ...(known && known.name !== manifest.site.name
          ? { newName: label({ id: known.id, name: manifest.site.name, fingerprint: known.fingerprint }) }
          : {}),
      },
      sequence: manifest.sequence,
      created: manifest.created,
      sites,
      counts: [...counts.values()],
      rejected,
      canApply: signerTrusted,
    },
  };
}

/**
 * Checks ahead, on libuv's thread pool, the record signatures deciding will need: other hubs'
 * records the signer passes on, and our own coming home (the signer's own are vouched for by
 * its manifest). Thousands at once use every core and keep the main process responsive; a
 * relayed catalogue is the one import where these checks are most of the time. Only good
 * signatures are remembered, so decide() checks any other line again and rejects it.
 */
async function preverify(ctx: CoreContext, buf: Buffer, cache: ImportCache, sha?: string): Promise<void> {
  let bundle: ParsedBundle;
  try {
    bundle = cache.parse(buf, sha);
  } catch {
    return; // analyse() reports what is wrong with the file
  }
  const todo = ctx.db
    .transaction(() => {
      const site = readSite(ctx);
      if (!site) return [];
      const signer = bundle.manifest.site.id;
      const same = ctx.db.prepare('SELECT line = ? FROM exchange_records WHERE type = ? AND id = ?').pluck();
      const keysOf = new Map<string, { key: KeyObject; tag: string }[]>();
      const keysFor = (origin: string) => {
        let keys = keysOf.get(origin);
        if (keys) return keys;
        if (origin === site.id) keys = ownPublicKeys(ctx).map((k) => ({ key: k.key, tag: sha256Hex(k.spki) }));
        else {
          const known = knownSiteRow(ctx, origin);
          keys = known?.trusted === 1 ? [{ key: publicKeyObject(known.public_key), tag: sha256Hex(known.public_key) }] : [];
        }
        keysOf.set(origin, keys);
        return keys;
      };
      const out: { rec: RecordLine; keys: { key: KeyObject; tag: string }[] }[] = [];
      // Records of an origin applied in full before need no check at all (digests.ts).
      const settled = settledOrigins(ctx, bundle, (o) => o !== site.id && knownSiteRow(ctx, o)?.trusted === 1);
      for (const rec of bundle.records) {
        const r = rec.record;
        if (r.o === signer || settled.has(r.o)) continue;
        const keys = keysFor(r.o);
        if (keys.length === 0) continue;
        // Vouched for by its origin's digest (decided once per origin): nothing to do per record,
        // not even hashing its line for the cache. That is what keeps a relayed import near a direct one.
        if (r.o !== site.id && vouchedByDigest(bundle, r.o, keys[0]!.key, keys[0]!.tag)) continue;
        if (keys.some((k) => cache.has(cache.key(k.tag, rec.line)))) continue;
        if (same.get(rec.line, r.t, r.id) === 1) continue; // the very line we hold: decide() needs no check
        out.push({ rec, keys });
      }
      return out;
    })
    .deferred();
  await Promise.all(
    todo.map(async ({ rec, keys }) => {
      for (const k of keys) {
        if (await verifyRecordLineAsync(rec, k.key)) {
          cache.add(cache.key(k.tag, rec.line));
          return;
        }
      }
    }),
  );
}

export async function previewBundle(ctx: CoreContext, folder: string, name: string, cache = new ImportCache()): Promise<ImportPreview> {
  const buf = readBundleFile(folder, name);
  await preverify(ctx, buf, cache);
  // One read transaction: every lookup sees the same moment, and in WAL mode thousands of
  // lookups inside one cost a quarter of what they cost one implicit transaction each.
  return ctx.db.transaction(() => analyse(ctx, buf, name, cache).preview).deferred();
}

const APPLY_ORDER: RecordType[] = ['category', 'item', 'need_offer', 'board', 'weekly'];

/** Applies a previewed bundle in one transaction and logs what came from where. */
export async function applyBundle(
  ctx: CoreContext,
  folder: string,
  name: string,
  sha256: string,
  volunteer: string | null,
  cache = new ImportCache(),
): Promise<ImportLogEntry> {
  const buf = readBundleFile(folder, name);
  if (sha256Hex(buf) !== sha256) throw new AppError('exchange.changed', 'the file changed since the preview');
  await preverify(ctx, buf, cache, sha256);
  const at = nowIso(ctx);
  return ctx.db
    .transaction((): ImportLogEntry => {
      const a = analyse(ctx, buf, name, cache, sha256);
      const m = a.bundle.manifest;
      if (!a.signerTrusted) {
        throw new AppError(
          a.signerKnown ? 'exchange.untrusted_site' : 'exchange.unknown_site',
          `site ${a.preview.signer.name} is not trusted yet`,
          { site: a.preview.signer.name },
        );
      }
      const upsert = ctx.db.prepare(
        `INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, data_sha256 = excluded.data_sha256, line = excluded.line, received_at = excluded.received_at`,
      );
      const sorted = [...a.accepted].sort((x, y) => APPLY_ORDER.indexOf(x.rec.record.t) - APPLY_ORDER.indexOf(y.rec.record.t));
      const origins = new Map<string, number>();
      const writeTables = tableWriter(ctx.db);
      for (const { rec, dataSha, data, fresh } of sorted) {
        const r = rec.record;
        upsert.run(r.t, r.id, r.o, r.v, dataSha, rec.line, at);
        writeTables(r.t, r.id, r.o, r.u, data, fresh);
        origins.set(r.o, (origins.get(r.o) ?? 0) + 1);
      }
      // A hub may rename itself; the name is taken, and shown told apart from any look-alike.
      storeDigests(ctx, a.bundle.digests, (origin) => {
        if (origin === m.site.id) return publicKeyObject(a.signerKey);
        const k = knownSiteRow(ctx, origin);
        return k?.trusted === 1 ? publicKeyObject(k.public_key) : null;
      });
      markApplied(ctx, a.bundle.digests, a.appliedInFull);
      ctx.db
        .prepare('UPDATE known_sites SET last_sequence = MAX(last_sequence, ?), name = ? WHERE id = ?')
        .run(m.sequence, m.site.name, m.site.id);
      const entry: ImportLogEntry = {
        id: ctx.ids.uuid(),
        siteId: m.site.id,
        siteName: m.site.name,
        sequence: m.sequence,
        at,
        counts: a.preview.counts,
        origins: [...origins].map(([id, records]) => ({ id, name: a.names.get(id) ?? id, records })),
      };
      ctx.db
        .prepare('INSERT INTO exchange_imports (id, site_id, sequence, bundle_sha256, summary, at, volunteer) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(
          entry.id,
          m.site.id,
          m.sequence,
          sha256,
          JSON.stringify({ counts: entry.counts, origins: entry.origins, siteName: entry.siteName }),
          at,
          volunteer,
        );
      return labelLogEntry(entry, logLabeller(ctx));
    })
    .immediate();
}

/**
 * Copies accepted records into the tables the rest of the app reads (read-only copies). The
 * statements are prepared once per apply: a big first import writes tens of thousands of rows.
 */
function tableWriter(
  db: CoreContext['db'],
): (type: RecordType, id: string, origin: string, updatedAt: string, data: Record<string, unknown>, fresh: boolean) => void {
  const category = db.prepare(
    'INSERT INTO categories (id, origin_site, icon, sort) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET icon = excluded.icon, sort = excluded.sort',
  );
  const clearCategoryNames = db.prepare('DELETE FROM category_names WHERE category_id = ?');
  const categoryName = db.prepare('INSERT INTO category_names (category_id, locale, name) VALUES (?, ?, ?)');
  const categoryExists = db.prepare('SELECT 1 FROM categories WHERE id = ?').pluck();
  const categories = new Map<string, boolean>();
  const hasCategory = (id: string) => {
    let has = categories.get(id);
    if (has === undefined) categories.set(id, (has = categoryExists.get(id) !== undefined));
    return has;
  };
  const item = db.prepare(
    `INSERT INTO items (id, origin_site, category_id, unit, icon, limit_qty, limit_days, low_stock, created_at, updated_at, archived_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET category_id = excluded.category_id, unit = excluded.unit, icon = excluded.icon, limit_qty = excluded.limit_qty,
       limit_days = excluded.limit_days, low_stock = excluded.low_stock, updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  );
  const clearItemNames = db.prepare('DELETE FROM item_names WHERE item_id = ?');
  const itemName = db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
  const clearBarcodes = db.prepare('DELETE FROM item_barcodes WHERE item_id = ?');
  // A barcode this site already uses for its own item stays ours: the scanner must stay unambiguous here.
  const barcode = db.prepare('INSERT OR IGNORE INTO item_barcodes (barcode, item_id) VALUES (?, ?)');
  const needOffer = db.prepare(
    `INSERT INTO needs_offers (id, origin_site, visit_id, household_id, kind, category, detail, languages, availability, shareable, status, created_at, expires_at)
     VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, 1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, category = excluded.category, detail = excluded.detail, languages = excluded.languages,
       availability = excluded.availability, status = excluded.status, expires_at = excluded.expires_at`,
  );
  return (type, id, origin, updatedAt, data, fresh) => {
    if (type === 'category') {
      const d = data as { icon: string | null; sort: number; names: Record<string, string> };
      category.run(id, origin, d.icon, d.sort);
      categories.set(id, true);
      if (!fresh) clearCategoryNames.run(id);
      for (const [locale, name] of Object.entries(d.names)) categoryName.run(id, locale, name);
    } else if (type === 'item') {
      const d = data as {
        categoryId: string | null;
        unit: string;
        icon: string | null;
        limitQty: number | null;
        limitDays: number | null;
        lowStock: number;
        archived: boolean;
        createdAt: string;
        names: Record<string, string>;
        barcodes: string[];
      };
      // A category we never received (the owner did not share it) leaves the item uncategorised rather than failing.
      const categoryId = d.categoryId && hasCategory(d.categoryId) ? d.categoryId : null;
      item.run(
        id,
        origin,
        categoryId,
        d.unit,
        d.icon,
        d.limitQty,
        d.limitDays,
        d.lowStock,
        d.createdAt,
        updatedAt,
        d.archived ? updatedAt : null,
      );
      if (!fresh) clearItemNames.run(id);
      for (const [locale, name] of Object.entries(d.names)) itemName.run(id, locale, name);
      if (!fresh) clearBarcodes.run(id);
      for (const b of d.barcodes) barcode.run(b, id);
    } else if (type === 'need_offer') {
      const d = data as {
        kind: string;
        category: string;
        detail: string | null;
        languages: string[];
        availability: string | null;
        status: string;
        createdAt: string;
        expiresAt: string | null;
      };
      needOffer.run(
        id,
        origin,
        d.kind,
        d.category,
        d.detail,
        JSON.stringify(d.languages),
        d.availability,
        d.status,
        d.createdAt,
        d.expiresAt,
      );
    }
    // board and weekly live only in exchange_records: they describe another site, not our stock.
  };
}

/** Trusts a site first seen in a bundle, with the card the bundle carries (fingerprint compared by the coordinator). */
export function cardFromBundle(ctx: CoreContext, folder: string, name: string, siteId: string): CardBody {
  const a = analyse(ctx, readBundleFile(folder, name), name);
  const m = a.bundle.manifest;
  if (siteId === m.site.id) {
    // The signer's own card in the (signed) bundle may carry its Syncthing device: kept with the trust.
    const own = a.bundle.sites.find((c) => c.id === m.site.id && c.publicKey === m.site.publicKey);
    return {
      format: 'mak-card',
      version: 1,
      id: m.site.id,
      name: m.site.name,
      publicKey: m.site.publicKey,
      ...(own?.syncthing ? { syncthing: own.syncthing } : {}),
    };
  }
  const card = a.bundle.sites.find((c) => c.id === siteId);
  if (!card) throw new AppError('exchange.no_card_in_bundle', `the bundle has no card for ${siteId}`);
  return card;
}
