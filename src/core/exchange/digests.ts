import type { KeyObject } from 'node:crypto';
import { nowIso, type CoreContext } from '../context';
import { parseDigestLine, recordSetSha, signDigest, verifyDigest, type DigestedRecord, type DigestLine } from './relay';

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

/**
 * Keeps, for every origin whose key we trust (`keyOf` gives it, or null), the newest digest a
 * bundle brings that verifies with that key. Called inside apply's write transaction.
 */
export function storeDigests(ctx: CoreContext, digests: readonly DigestLine[], keyOf: (origin: string) => KeyObject | null): void {
  const put = ctx.db.prepare(
    `INSERT INTO exchange_digests (origin_site, sequence, line, received_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (origin_site) DO UPDATE SET sequence = excluded.sequence, line = excluded.line, received_at = excluded.received_at
     WHERE excluded.sequence > exchange_digests.sequence`,
  );
  const at = nowIso(ctx);
  for (const d of digests) {
    const key = keyOf(d.digest.site);
    if (key && verifyDigest(d, key)) put.run(d.digest.site, d.digest.sequence, d.line, at);
  }
}
