import type { ImportLogEntry, TypeCounts } from '../../shared/api/channels/exchange';
import type { CoreContext } from '../context';
import { hubLabeller, knownHubs } from './sites';

// The record of what each import brought in, from which hubs.

export function importLog(ctx: CoreContext, limit = 50): ImportLogEntry[] {
  const rows = ctx.db
    .prepare('SELECT id, site_id, sequence, summary, at FROM exchange_imports ORDER BY at DESC, rowid DESC LIMIT ?')
    .all(limit) as {
    id: string;
    site_id: string;
    sequence: number;
    summary: string;
    at: string;
  }[];
  const label = logLabeller(ctx);
  return rows.map((r) => {
    const s = JSON.parse(r.summary) as { counts: TypeCounts[]; origins: ImportLogEntry['origins']; siteName: string };
    return labelLogEntry(
      { id: r.id, siteId: r.site_id, siteName: s.siteName, sequence: r.sequence, at: r.at, counts: s.counts, origins: s.origins },
      label,
    );
  });
}

/** The log keeps each hub's name as it was then; it is told apart from today's look-alikes when shown. */
export function logLabeller(ctx: CoreContext): (id: string, name: string) => string {
  const hubs = knownHubs(ctx.db);
  const label = hubLabeller(hubs);
  const fingerprints = new Map(hubs.map((h) => [h.id, h.fingerprint]));
  return (id, name) => label({ id, name, fingerprint: fingerprints.get(id) ?? null });
}

export function labelLogEntry(e: ImportLogEntry, label: (id: string, name: string) => string): ImportLogEntry {
  return { ...e, siteName: label(e.siteId, e.siteName), origins: e.origins.map((o) => ({ ...o, name: label(o.id, o.name) })) };
}
