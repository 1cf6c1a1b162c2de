import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { RecordType } from '../../shared/api/channels/exchange';
import { AppError } from '../errors';
import { DAY_MS } from '../../shared/time';
import { DIGEST_PART, parseDigestLine, type DigestLine } from './relay';

/**
 * The share bundle on the stick (docs/bundle-format.md is the reference):
 *
 *   MAK-SHARE 1\n
 *   <manifest JSON>\n
 *   <base64 Ed25519 signature of "mak-manifest/1\n" + manifest line>\n
 *   <part bytes, in manifest order, each JSON Lines>
 *
 * Every record line inside a part is `<base64 signature> <record JSON>`, signed by the record's
 * origin site over "mak-record/1\n" + the exact JSON text, so a copy can travel A → B → C and C
 * still checks it against A's key. No compression: nothing to inflate, so no bomb to defuse.
 */
export const SHARE_MAGIC = 'MAK-SHARE';
/** The format this kiosk writes; it reads every one in READABLE_VERSIONS (2 added digests, relay.ts). */
export const FORMAT_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];
export const SHARE_EXTENSION = '.makshare';
export const CARD_EXTENSION = '.makcard';
export const BACKUP_EXTENSION = '.makbackup';

/**
 * Limits. A real share bundle of a 5,000-item catalogue in twelve languages is ~10 MB; anything
 * past 32 MB is refused before it is read. Lines and record counts are bounded too.
 */
export const LIMITS = {
  bundleBytes: 32 * 1024 * 1024,
  manifestBytes: 64 * 1024,
  lineBytes: 64 * 1024,
  /** The board is one record per hub listing up to 50,000 items (~100 bytes each). */
  boardLineBytes: 8 * 1024 * 1024,
  recordsPerPart: 100_000,
  sites: 1_000,
  /** A bundle stamped more than this ahead of our clock is refused (a wrong clock somewhere). */
  futureSkewMs: DAY_MS,
};

export const PART_NAMES = [
  'sites.jsonl',
  'categories.jsonl',
  'items.jsonl',
  'needs_offers.jsonl',
  'board.jsonl',
  'weekly.jsonl',
  DIGEST_PART,
] as const;
export type PartName = (typeof PART_NAMES)[number];
export const PART_TYPE: Record<PartName, RecordType | 'site' | 'digest'> = {
  'sites.jsonl': 'site',
  'categories.jsonl': 'category',
  'items.jsonl': 'item',
  'needs_offers.jsonl': 'need_offer',
  'board.jsonl': 'board',
  'weekly.jsonl': 'weekly',
  [DIGEST_PART]: 'digest',
};

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+=*$/)
  .max(4096);
const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9:_.-]+$/);
/** A Syncthing device id: eight groups of seven base32 characters (the form Syncthing shows). */
export const SyncthingDeviceId = z.string().regex(/^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$/);

export const Manifest = z.strictObject({
  format: z.literal('mak-share'),
  version: z.number().int(),
  site: z.strictObject({ id: Id, name: z.string().min(1).max(200), publicKey: Base64, keyId: z.number().int().min(1).max(65535) }),
  sequence: z.number().int().min(1),
  created: z.iso.datetime(),
  parts: z
    .array(
      z.strictObject({
        // Only the known names: a "../../x" part name is refused here, never used as a path.
        name: z.enum(PART_NAMES),
        records: z.number().int().min(0).max(LIMITS.recordsPerPart),
        bytes: z.number().int().min(0).max(LIMITS.bundleBytes),
        sha256: Sha256Hex,
      }),
    )
    .max(PART_NAMES.length),
});
export type Manifest = z.infer<typeof Manifest>;

/** A site's card as it travels in a bundle's sites part or as a .makcard file. */
export const CardBody = z.strictObject({
  format: z.literal('mak-card'),
  version: z.literal(1),
  id: Id,
  name: z.string().min(1).max(200),
  publicKey: Base64,
  /** The hub's Syncthing device id, when it shares over the network (older cards have none). */
  syncthing: SyncthingDeviceId.optional(),
});
export type CardBody = z.infer<typeof CardBody>;

/** The signed part of a record line. `d` is the record's data, checked per type on import. */
export const RecordEnvelope = z.strictObject({
  t: RecordType,
  id: Id,
  o: Id,
  v: z.number().int().min(1),
  u: z.iso.datetime(),
  // A plain object, checked per type on import (records.ts). Not copied key by key here: the
  // data is parsed once, by its own schema, and that halves the cost of reading a bundle.
  d: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
});
export type RecordEnvelope = z.infer<typeof RecordEnvelope>;

const MANIFEST_DOMAIN = 'mak-manifest/1\n';
const RECORD_DOMAIN = 'mak-record/1\n';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A short fingerprint people can compare by eye: 16 hex digits of sha256(public key), in fours. */
export function fingerprint(publicKey: Uint8Array): string {
  return sha256Hex(publicKey).slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
}

export function publicKeyObject(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}
export function privateKeyObject(pkcs8: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
}

export function signManifest(manifestLine: string, key: KeyObject): string {
  return sign(null, Buffer.from(MANIFEST_DOMAIN + manifestLine), key).toString('base64');
}
export function verifyManifest(manifestLine: string, signature: string, key: KeyObject): boolean {
  const sig = Buffer.from(signature, 'base64');
  return sig.length === 64 && verify(null, Buffer.from(MANIFEST_DOMAIN + manifestLine), key, sig);
}

/** One record line: signature, a space, the exact JSON that was signed. */
export function signRecord(record: RecordEnvelope, key: KeyObject): string {
  const json = JSON.stringify(record);
  return `${sign(null, Buffer.from(RECORD_DOMAIN + json), key).toString('base64')} ${json}`;
}
export function verifyRecordLine(line: { signature: string; json: string }, key: KeyObject): boolean {
  const sig = Buffer.from(line.signature, 'base64');
  return sig.length === 64 && verify(null, Buffer.from(RECORD_DOMAIN + line.json), key, sig);
}

/** The same check on libuv's thread pool: many at once use every core and leave the main thread free. */
export function verifyRecordLineAsync(line: { signature: string; json: string }, key: KeyObject): Promise<boolean> {
  const sig = Buffer.from(line.signature, 'base64');
  if (sig.length !== 64) return Promise.resolve(false);
  return new Promise((resolve) => {
    verify(null, Buffer.from(RECORD_DOMAIN + line.json), key, sig, (err, ok) => resolve(!err && ok));
  });
}

export interface RecordLine {
  signature: string;
  json: string;
  record: RecordEnvelope;
  /** The whole line as it stands in the bundle. */
  line: string;
}

export interface ParsedBundle {
  manifest: Manifest;
  manifestLine: string;
  signature: string;
  sites: CardBody[];
  records: RecordLine[];
  /** Each origin's signed digest of its own records (format 2; none in older bundles). */
  digests: DigestLine[];
  sha256: string;
  bytes: number;
}

const malformed = (why: string) => new AppError('exchange.malformed', `bundle is malformed: ${why}`);

function splitLines(text: string, part: string): string[] {
  if (text === '') return [];
  if (!text.endsWith('\n')) throw malformed(`${part} does not end with a newline`);
  const lines = text.slice(0, -1).split('\n');
  const limit = part === 'board.jsonl' ? LIMITS.boardLineBytes : LIMITS.lineBytes;
  for (const l of lines) if (Buffer.byteLength(l) > limit) throw malformed(`${part} has a line over ${limit} bytes`);
  return lines;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(`${what} is not JSON`);
  }
}

/**
 * Reads a bundle's bytes into its manifest, signature and records, checking the structure, the
 * format version, every part's size and sha256 and every line's shape. It does not decide trust:
 * the caller checks the manifest signature with the key it believes, and each record's.
 */
export function parseBundle(buf: Buffer, sha256 = sha256Hex(buf)): ParsedBundle {
  const firstNl = buf.indexOf(0x0a);
  if (firstNl < 0) throw new AppError('exchange.not_a_bundle', 'no header line');
  const magic = buf.subarray(0, firstNl).toString('utf8');
  const m = /^MAK-SHARE (\d+)$/.exec(magic);
  if (!m) throw new AppError('exchange.not_a_bundle', 'not a share bundle');
  const version = Number(m[1]);
  if (!READABLE_VERSIONS.includes(version)) {
    throw new AppError('exchange.bad_version', `bundle format ${m[1]}, this kiosk reads ${FORMAT_VERSION}`, {
      found: version,
      known: FORMAT_VERSION,
    });
  }
  const secondNl = buf.indexOf(0x0a, firstNl + 1);
  if (secondNl < 0 || secondNl - firstNl > LIMITS.manifestBytes) throw new AppError('exchange.truncated', 'the manifest is cut short');
  const manifestLine = buf.subarray(firstNl + 1, secondNl).toString('utf8');
  const thirdNl = buf.indexOf(0x0a, secondNl + 1);
  if (thirdNl < 0) throw new AppError('exchange.truncated', 'the signature is missing');
  const signature = buf.subarray(secondNl + 1, thirdNl).toString('ascii');
  const parsed = Manifest.safeParse(parseJson(manifestLine, 'the manifest'));
  if (!parsed.success) {
    const v = (parseJson(manifestLine, 'the manifest') as { version?: unknown }).version;
    if (typeof v === 'number' && v !== version)
      throw new AppError('exchange.bad_version', `manifest version ${v}`, { found: v, known: FORMAT_VERSION });
    throw malformed(`manifest: ${parsed.error.issues[0]?.message ?? ''} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  }
  const manifest = parsed.data;
  if (manifest.version !== version)
    throw new AppError('exchange.bad_version', `manifest version ${manifest.version}`, { found: manifest.version, known: FORMAT_VERSION });
  if (!/^[A-Za-z0-9+/]+=*$/.test(signature)) throw malformed('the signature line');
  const seen = new Set<string>();
  for (const p of manifest.parts) {
    if (seen.has(p.name)) throw malformed(`part ${p.name} twice`);
    seen.add(p.name);
  }

  const declared = manifest.parts.reduce((n, p) => n + p.bytes, 0);
  const body = buf.subarray(thirdNl + 1);
  if (body.length < declared) throw new AppError('exchange.truncated', `parts need ${declared} bytes, the file has ${body.length}`);
  if (body.length > declared) throw malformed('bytes after the last part');

  const sites: CardBody[] = [];
  const records: RecordLine[] = [];
  const digests: DigestLine[] = [];
  let offset = 0;
  for (const p of manifest.parts) {
    const bytes = body.subarray(offset, offset + p.bytes);
    offset += p.bytes;
    if (sha256Hex(bytes) !== p.sha256)
      throw new AppError('exchange.checksum', `part ${p.name} does not match its checksum`, { part: p.name });
    const lines = splitLines(bytes.toString('utf8'), p.name);
    if (lines.length !== p.records) throw malformed(`${p.name} has ${lines.length} lines, the manifest says ${p.records}`);
    const type = PART_TYPE[p.name];
    if (type === 'site') {
      if (lines.length > LIMITS.sites) throw malformed('too many sites');
      for (const l of lines) {
        const card = CardBody.safeParse(parseJson(l, p.name));
        if (!card.success) throw malformed(`a site card in ${p.name}`);
        sites.push(card.data);
      }
      continue;
    }
    if (type === 'digest') {
      if ((lines.length > 0 && version < 2) || lines.length > LIMITS.sites) throw malformed(`${p.name} in a format ${version} bundle`);
      for (const l of lines) {
        const d = parseDigestLine(l);
        if (!d) throw malformed(`a digest in ${p.name}`);
        digests.push(d);
      }
      continue;
    }
    for (const l of lines) {
      const space = l.indexOf(' ');
      if (space < 0) throw malformed(`a line in ${p.name} has no signature`);
      const json = l.slice(space + 1);
      const env = RecordEnvelope.safeParse(parseJson(json, `a line in ${p.name}`));
      if (!env.success || env.data.t !== type) throw malformed(`a record in ${p.name}`);
      records.push({ signature: l.slice(0, space), json, record: env.data, line: l });
    }
  }

  // The same record twice is harmless if identical; with different content it is refused.
  const byKey = new Map<string, string>();
  for (const r of records) {
    const key = `${r.record.t}/${r.record.id}`;
    const prev = byKey.get(key);
    if (prev !== undefined && prev !== r.json)
      throw new AppError('exchange.duplicate', `${key} appears twice with different content`, { id: r.record.id });
    byKey.set(key, r.json);
  }
  return { manifest, manifestLine, signature, sites, records, digests, sha256, bytes: buf.length };
}

/** Assembles a bundle's bytes from a signed manifest and its parts. */
export function assembleBundle(manifestLine: string, signature: string, parts: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(`${SHARE_MAGIC} ${FORMAT_VERSION}\n${manifestLine}\n${signature}\n`), ...parts]);
}
