import type { RecordType, WrittenFile } from '../../shared/api/channels/exchange';
import { nowIso, type CoreContext } from '../context';
import { requireFolder, writeAtomic, type WriteHooks } from './atomic-write';
import type { DriveSource } from './drives';
import {
  FORMAT_VERSION,
  PART_NAMES,
  SHARE_EXTENSION,
  assembleBundle,
  sha256Hex,
  signManifest,
  signRecord,
  type CardBody,
  type Manifest,
  type PartName,
} from './format';
import { oldestSharedWeek, ownRecords, withdrawn } from './records';
import { digestLines } from './digests';
import { DIGEST_PART, type DigestedRecord } from './relay';
import { cardOf, knownSiteRow, ownCardBody, ownIdentity } from './sites';
import { assertImportable, liveRecords } from './share-live';

// A share bundle out: this hub's records (and those it passes on), signed, on the stick.

interface StoredRow {
  type: RecordType;
  id: string;
  origin_site: string;
  version: number;
  data_sha256: string;
  line: string;
}

const TYPE_PART: Record<RecordType, PartName> = {
  category: 'categories.jsonl',
  item: 'items.jsonl',
  need_offer: 'needs_offers.jsonl',
  board: 'board.jsonl',
  weekly: 'weekly.jsonl',
};

/** A file name people can read on the stick: the hub's name, the date and the sequence. */
export function bundleFileName(siteName: string, at: Date, sequence: number, ext: string): string {
  const slug =
    siteName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'hub';
  return `${slug}-${at.toISOString().slice(0, 10)}-${String(sequence).padStart(4, '0')}${ext}`;
}

/**
 * Brings this site's signed copies up to date: a record whose content changed since we last
 * signed it gets the next version and a fresh signature; unchanged ones keep theirs, so a
 * re-exported bundle re-imports as "unchanged" everywhere.
 */
export function refreshOwnRecords(ctx: CoreContext): void {
  const me = ownIdentity(ctx);
  const at = nowIso(ctx);
  const get = ctx.db.prepare('SELECT type, id, origin_site, version, data_sha256, line FROM exchange_records WHERE type = ? AND id = ?');
  const upsert = ctx.db.prepare(
    `INSERT INTO exchange_records (type, id, origin_site, version, data_sha256, line, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, data_sha256 = excluded.data_sha256, line = excluded.line, received_at = excluded.received_at`,
  );
  ctx.db
    .transaction(() => {
      const current = new Set<string>();
      const put = (type: RecordType, id: string, data: Record<string, unknown>) => {
        const json = JSON.stringify(data);
        const sha = sha256Hex(json);
        const stored = get.get(type, id) as StoredRow | undefined;
        if (stored && stored.data_sha256 === sha) return;
        const version = (stored?.version ?? 0) + 1;
        upsert.run(type, id, me.id, version, sha, signRecord({ t: type, id, o: me.id, v: version, u: at, d: data }, me.privateKey), at);
      };
      for (const r of ownRecords(ctx, me.id)) {
        current.add(`${r.type}/${r.id}`);
        put(r.type, r.id, r.data);
      }
      // A shared need/offer that is gone or no longer shareable is withdrawn everywhere it went.
      for (const r of ctx.db
        .prepare("SELECT type, id, line FROM exchange_records WHERE origin_site = ? AND type = 'need_offer'")
        .all(me.id) as StoredRow[]) {
        if (current.has(`${r.type}/${r.id}`)) continue;
        const previous = JSON.parse(r.line.slice(r.line.indexOf(' ') + 1)) as { d: Record<string, unknown> };
        put('need_offer', r.id, withdrawn(previous.d));
      }
    })
    .immediate();
}

/**
 * Takes the next share sequence in one statement, so no two exports (in this kiosk or another on
 * the same file) ever get the same one. Never below a sequence already logged (a database from
 * before the counter existed, or restored from elsewhere).
 */
function takeShareSequence(ctx: CoreContext): number {
  return ctx.db
    .prepare(
      `INSERT INTO exchange_sequences (kind, last) VALUES ('share', COALESCE((SELECT MAX(sequence) FROM exchange_exports WHERE kind = 'share'), 0) + 1)
       ON CONFLICT (kind) DO UPDATE SET last = MAX(last, COALESCE((SELECT MAX(sequence) FROM exchange_exports WHERE kind = 'share'), 0)) + 1
       RETURNING last`,
    )
    .pluck()
    .get() as number;
}

/**
 * Builds the bundle bytes: our records freshly signed, other sites' exactly as their owners
 * signed them. One write transaction: the sequence taken and the records it numbers go together.
 */
export function buildShareBundle(ctx: CoreContext): { bytes: Buffer; manifest: Manifest } {
  return ctx.db.transaction(() => buildNumbered(ctx)).immediate();
}

function buildNumbered(ctx: CoreContext): { bytes: Buffer; manifest: Manifest } {
  refreshOwnRecords(ctx);
  const me = ownIdentity(ctx);
  const sequence = takeShareSequence(ctx);
  const lines = new Map<PartName, string[]>(PART_NAMES.map((p) => [p, []]));
  const origins = new Set<string>();
  const oldestWeek = oldestSharedWeek(ctx.clock.now().getTime());
  const perOrigin = new Map<string, DigestedRecord[]>();
  for (const r of liveRecords(ctx)) {
    // Only the latest weeks' counts travel: a year of relaying does not carry a year of weeks.
    if (r.type === 'weekly' && r.id.slice(r.id.lastIndexOf(':') + 1) < oldestWeek) continue;
    // Only records from sites we still trust travel on.
    if (r.origin_site !== me.id) {
      const known = knownSiteRow(ctx, r.origin_site);
      if (!known || known.trusted !== 1) continue;
      origins.add(r.origin_site);
    }
    lines.get(TYPE_PART[r.type])!.push(r.line);
    let mine = perOrigin.get(r.origin_site);
    if (!mine) perOrigin.set(r.origin_site, (mine = []));
    mine.push({ t: r.type, id: r.id, line: r.line });
  }
  const created = nowIso(ctx);
  lines.set(DIGEST_PART, digestLines(ctx, me, { sequence, created }, perOrigin));
  const cards: CardBody[] = [ownCardBody(ctx)];
  for (const id of [...origins].sort()) {
    const k = knownSiteRow(ctx, id)!;
    cards.push(cardOf({ id: k.id, name: k.name, publicKey: k.public_key }));
  }
  lines.set(
    'sites.jsonl',
    cards.map((c) => JSON.stringify(c)),
  );
  const parts: Buffer[] = [];
  const manifestParts: Manifest['parts'] = [];
  for (const name of PART_NAMES) {
    const list = lines.get(name)!;
    const buf = Buffer.from(list.length ? `${list.join('\n')}\n` : '', 'utf8');
    parts.push(buf);
    manifestParts.push({ name, records: list.length, bytes: buf.length, sha256: sha256Hex(buf) });
  }
  const manifest: Manifest = {
    format: 'mak-share',
    version: FORMAT_VERSION,
    site: { id: me.id, name: me.name, publicKey: Buffer.from(me.publicKey).toString('base64'), keyId: me.keyId },
    sequence,
    created,
    parts: manifestParts,
  };
  const manifestLine = JSON.stringify(manifest);
  const bytes = assembleBundle(manifestLine, signManifest(manifestLine, me.privateKey), parts);
  assertImportable(bytes.length, manifestParts);
  return { bytes, manifest };
}

/** `fileName`: the network folder keeps one file per hub, replaced each time (network-sync.ts). */
export async function exportShare(
  ctx: CoreContext,
  drives: DriveSource,
  folder: string,
  volunteer: string | null,
  hooks?: WriteHooks,
  fileName?: (m: Manifest) => string,
): Promise<WrittenFile> {
  requireFolder(folder);
  const { bytes, manifest } = buildShareBundle(ctx);
  const name = fileName ? fileName(manifest) : bundleFileName(manifest.site.name, ctx.clock.now(), manifest.sequence, SHARE_EXTENSION);
  const written = await writeAtomic(drives, folder, name, { buffer: bytes }, hooks);
  ctx.db
    .prepare(
      "INSERT INTO exchange_exports (id, kind, sequence, file_name, bytes, sha256, at, volunteer) VALUES (?, 'share', ?, ?, ?, ?, ?, ?)",
    )
    .run(ctx.ids.uuid(), manifest.sequence, name, written.bytes, written.sha256, nowIso(ctx), volunteer);
  return written;
}
