import type { KeyObject } from 'node:crypto';
import { nowIso, type CoreContext } from '../context';
import { sha256Hex } from './format';
import { digestCovers, parseDigestLine, recordSetSha, signDigest, verifyDigest, type DigestedRecord, type DigestLine } from './relay';

/**
 * The digests a bundle carries (relay.ts says why): our own, freshly signed over the records of
 * ours it holds, and for each other origin the latest digest we hold, but only when the records
 * of that origin going into this bundle are exactly the ones it covers (else it would only make
 * the next hub hash for nothing; it then checks those records one by one, as before).
 */
export function digestLines(
  ctx: CoreContext,
  me: { id: string; privateKey: KeyObject },
  bundle: { sequence: number; created: string },
  perOrigin: ReadonlyMap<string, readonly DigestedRecord[]>,
): string[] {
  const own = perOrigin.get(me.id) ?? [];
  const out = [
    signDigest(
      {
        format: 'mak-digest',
        version: 1,
        site: me.id,
        sequence: bundle.sequence,
        created: bundle.created,
        records: own.length,
        sha256: recordSetSha(own),
      },
      me.privateKey,
    ),
  ];
  const stored = ctx.db.prepare('SELECT line FROM exchange_digests WHERE origin_site = ?').pluck();
  for (const [origin, records] of [...perOrigin].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (origin === me.id) continue;
    const line = stored.get(origin) as string | undefined;
    const d = line === undefined ? null : parseDigestLine(line);
    if (d && d.digest.records === records.length && d.digest.sha256 === recordSetSha(records)) out.push(d.line);
  }
  return out;
}

/** How many digests applied in full are kept per origin: a few weeks of relays arriving late. */
export const APPLIED_DIGESTS_KEPT = 16;

/**
 * The origins whose records in `bundle` are exactly ones this hub already applied in full: the
 * bundle's digest line for that origin is one marked applied here (every record it covers was
 * taken or already held, none refused; see markApplied), and its records here hash to it. Nothing
 * in them can change anything here, so the importer skips them whole: no lookup, no signature, no
 * decision per record. That keeps a region's weekly import flat once every record has reached
 * every hub. A record altered on the way fails the hash: the origin is then decided record by
 * record, and the altered one refused and shown. `trusted` is asked too: an origin no longer
 * trusted is decided again, as before.
 */
export function settledOrigins(
  ctx: CoreContext,
  bundle: Parameters<typeof digestCovers>[0],
  trusted: (origin: string) => boolean,
): Set<string> {
  const applied = ctx.db.prepare('SELECT 1 FROM exchange_digests_applied WHERE origin_site = ? AND line_sha256 = ?').pluck();
  const out = new Set<string>();
  for (const d of bundle.digests) {
    const origin = d.digest.site;
    if (applied.get(origin, sha256Hex(d.line)) === 1 && trusted(origin) && digestCovers(bundle, d)) out.add(origin);
  }
  return out;
}

/**
 * Marks the digests of the `origins` an import took in full (their digest verified and covering
 * their records, none refused), keeping the newest APPLIED_DIGESTS_KEPT per origin. Called
 * inside apply's write transaction.
 */
export function markApplied(ctx: CoreContext, digests: readonly DigestLine[], origins: ReadonlySet<string>): void {
  const put = ctx.db.prepare('INSERT OR IGNORE INTO exchange_digests_applied (origin_site, line_sha256, sequence) VALUES (?, ?, ?)');
  const trim = ctx.db.prepare(
    `DELETE FROM exchange_digests_applied WHERE origin_site = @o AND line_sha256 NOT IN (
       SELECT line_sha256 FROM exchange_digests_applied WHERE origin_site = @o ORDER BY sequence DESC, line_sha256 LIMIT ${APPLIED_DIGESTS_KEPT})`,
  );
  for (const d of digests) {
    const origin = d.digest.site;
    if (!origins.has(origin)) continue;
    if (put.run(origin, sha256Hex(d.line), d.digest.sequence).changes > 0) trim.run({ o: origin });
  }
}

/**
 * Keeps, for every origin whose key we trust (`keyOf` gives it, or null), the newest digest a
 * bundle brings that verifies with that key. Called inside apply's write transaction.
 */
export function storeDigests(ctx: CoreContext, digests: readonly DigestLine[], keyOf: (origin: string) => KeyObject | null): void {
  const held = ctx.db.prepare('SELECT line FROM exchange_digests WHERE origin_site = ?').pluck();
  const put = ctx.db.prepare(
    `INSERT INTO exchange_digests (origin_site, sequence, line, received_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (origin_site) DO UPDATE SET sequence = excluded.sequence, line = excluded.line, received_at = excluded.received_at
     WHERE excluded.sequence > exchange_digests.sequence`,
  );
  const at = nowIso(ctx);
  for (const d of digests) {
    // A line already held was verified when it was stored: nothing to do.
    if (held.get(d.digest.site) === d.line) continue;
    const key = keyOf(d.digest.site);
    if (key && verifyDigest(d, key)) put.run(d.digest.site, d.digest.sequence, d.line, at);
  }
}
