import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/*
 * Relaying made cheap (issue 18.4). A hub passes on other hubs' records exactly as their owners
 * signed them, and until format 2 the receiver checked every one of those signatures: ~0.1 ms a
 * record, 7.6× the bare insert for a relayed catalogue. From format 2 every hub also signs a
 * *digest* of its own records (how many, and the sha256 of their exact lines in a fixed order)
 * and each bundle carries, in its `digests.jsonl` part, the latest digest of each origin whose
 * records it holds. When an origin's records in a bundle hash to that origin's signed digest,
 * one signature check vouches for all of them; when they do not (the relay is missing one, holds
 * an older one, or one was altered), each record is checked on its own as before, so an altered
 * record is still refused and a partial relay still imports. Older bundles carry no digests and
 * read exactly as they always did.
 */

export const DIGEST_PART = 'digests.jsonl';
const DIGEST_DOMAIN = 'mak-digest/1\n';

const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9:_.-]+$/);
export const Digest = z.strictObject({
  format: z.literal('mak-digest'),
  version: z.literal(1),
  /** The origin hub whose own records this covers. */
  site: Id,
  /** The origin's bundle sequence it was signed for: a newer one replaces an older one. */
  sequence: z.number().int().min(1),
  created: z.iso.datetime(),
  records: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Digest = z.infer<typeof Digest>;

export interface DigestLine {
  signature: string;
  json: string;
  digest: Digest;
  line: string;
}

/** One record as the digest sees it: its type, id and the exact line as it travels. */
export interface DigestedRecord {
  t: string;
  id: string;
  line: string;
}

/** sha256 over the lines sorted by type then id (ids are ASCII: JS order is SQLite's BINARY order). */
export function recordSetSha(records: readonly DigestedRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const h = createHash('sha256');
  for (const r of sorted) h.update(`${r.line}\n`);
  return h.digest('hex');
}

export function signDigest(digest: Digest, key: KeyObject): string {
  const json = JSON.stringify(digest);
  return `${sign(null, Buffer.from(DIGEST_DOMAIN + json), key).toString('base64')} ${json}`;
}

export function verifyDigest(d: DigestLine, key: KeyObject): boolean {
  const sig = Buffer.from(d.signature, 'base64');
  return sig.length === 64 && verify(null, Buffer.from(DIGEST_DOMAIN + d.json), key, sig);
}

/** Reads one line of the digests part; null when it is not one (the caller says the bundle is malformed). */
export function parseDigestLine(line: string): DigestLine | null {
  const space = line.indexOf(' ');
  if (space < 0) return null;
  const json = line.slice(space + 1);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = Digest.safeParse(value);
  return parsed.success ? { signature: line.slice(0, space), json, digest: parsed.data, line } : null;
}

interface BundleLike {
  records: readonly { record: { t: string; id: string; o: string }; line: string }[];
  digests: readonly DigestLine[];
}

/** Per parsed bundle: its records grouped by origin, and each verdict already reached (per key). */
const grouped = new WeakMap<BundleLike, Map<string, DigestedRecord[]>>();
const verdicts = new WeakMap<BundleLike, Map<string, boolean>>();

function byOrigin(bundle: BundleLike): Map<string, DigestedRecord[]> {
  let g = grouped.get(bundle);
  if (g) return g;
  g = new Map();
  const seen = new Set<string>();
  for (const r of bundle.records) {
    const k = `${r.record.t}/${r.record.id}`;
    if (seen.has(k)) continue; // an identical duplicate (different ones were refused by the parser)
    seen.add(k);
    let list = g.get(r.record.o);
    if (!list) g.set(r.record.o, (list = []));
    list.push({ t: r.record.t, id: r.record.id, line: r.line });
  }
  grouped.set(bundle, g);
  return g;
}

/**
 * Whether `origin`'s signed digest in this bundle vouches for every one of its records here: the
 * digest verifies with `key` (the origin's key this hub trusts, tagged by `keyTag`) and the
 * records hash to it. One signature check and one hash per origin, remembered per bundle.
 */
/**
 * Whether `origin`'s records in this bundle are exactly the ones the digest `d` covers (how many,
 * and the hash of their lines), without checking its signature: for a digest line already
 * verified and stored here. One hash per origin, remembered per bundle.
 */
export function digestCovers(bundle: BundleLike, d: DigestLine): boolean {
  let v = verdicts.get(bundle);
  if (!v) verdicts.set(bundle, (v = new Map()));
  const k = `${d.digest.site}\ncovers\n${d.line}`;
  const known = v.get(k);
  if (known !== undefined) return known;
  const records = byOrigin(bundle).get(d.digest.site) ?? [];
  const ok = d.digest.records === records.length && recordSetSha(records) === d.digest.sha256;
  v.set(k, ok);
  return ok;
}

export function vouchedByDigest(bundle: BundleLike, origin: string, key: KeyObject, keyTag: string): boolean {
  let v = verdicts.get(bundle);
  if (!v) verdicts.set(bundle, (v = new Map()));
  const k = `${origin}\n${keyTag}`;
  const known = v.get(k);
  if (known !== undefined) return known;
  const d = bundle.digests.find((x) => x.digest.site === origin);
  const ok = d !== undefined && digestCovers(bundle, d) && verifyDigest(d, key);
  v.set(k, ok);
  return ok;
}
