import type { NetworkSite } from '../../shared/api/channels/exchange';
import type { CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { siteLabels } from './sites';
import { itemNameSql } from '../inventory/item-name';

interface Row {
  type: 'board' | 'weekly';
  id: string;
  origin_site: string;
  line: string;
}

/**
 * The other hubs' spare and needed items, read from the signed copies we hold (only sites we
 * trust), named in the reader's language from the item copies, falling back to any name.
 */
export function networkBoard(ctx: CoreContext, language: string): NetworkSite[] {
  const me = requireSite(ctx);
  const rows = ctx.db
    .prepare(
      `SELECT r.type, r.id, r.origin_site, r.line FROM exchange_records r JOIN known_sites k ON k.id = r.origin_site AND k.trusted = 1
       WHERE r.type IN ('board', 'weekly') AND r.origin_site <> ? ORDER BY r.origin_site, r.id`,
    )
    .all(me.id) as Row[];
  // Another hub's item may be known here only by its id: the one name rule, over that id.
  const itemName = itemNameSql('x.id');
  const nameOf = ctx.db.prepare(`SELECT ${itemName.name} AS name FROM (SELECT @id AS id) x ${itemName.joins}`);
  const sites = new Map<string, NetworkSite>();
  const siteName = ctx.db.prepare('SELECT name, fingerprint FROM known_sites WHERE id = ?');
  // Two hubs may go by one name: each is told apart by its key's fingerprint (sites.ts).
  const label = siteLabels(ctx.db);
  const get = (id: string) => {
    let s = sites.get(id);
    if (!s) {
      const known = siteName.get(id) as { name: string; fingerprint: string } | undefined;
      const name = known ? label({ id, name: known.name, fingerprint: known.fingerprint }) : id;
      sites.set(id, (s = { id, name, updatedAt: '', spare: [], needed: [], week: null }));
    }
    return s;
  };
  for (const r of rows) {
    const rec = JSON.parse(r.line.slice(r.line.indexOf(' ') + 1)) as { u: string; d: Record<string, unknown> };
    const s = get(r.origin_site);
    if (r.type === 'board') {
      s.updatedAt = rec.u;
      for (const it of rec.d.items as { itemId: string; kind: 'surplus' | 'need'; qty: number; unit: string }[]) {
        const name = (nameOf.get({ id: it.itemId, lang: language, site: me.settings.siteLanguage }) as { name: string }).name;
        (it.kind === 'surplus' ? s.spare : s.needed).push({ itemId: it.itemId, name, qty: it.qty, unit: it.unit });
      }
    } else {
      const w = rec.d as { week: string; households: number; visits: number };
      if (!s.week || w.week > s.week.week) s.week = { week: w.week, households: w.households, visits: w.visits };
    }
  }
  return [...sites.values()].sort((a, b) => a.name.localeCompare(b.name));
}
