import type { BoardEntry, BoardSettings } from '../../shared/api/channels/board';
import { DAY_MS } from '../../shared/time';
import type { z } from 'zod';
import type { NewEntry as NewEntrySchema } from '../../shared/api/channels/board';
import type { Role } from '../../shared/api/channel';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { siteLabels, type HubLabeller } from '../exchange/sites';
import { parseAvailability } from './availability';
import { normalizeCategory } from './matching';
import { ACTIVE, ENTRY_SELECT, parseLanguages, type EntryRow } from './board-sql';

type ParsedNewEntry = z.output<typeof NewEntrySchema>;

/** The board's entries: needs and offers added, renewed, withdrawn, and the contact behind one; the board's settings. */
export class BoardService {
  constructor(private readonly ctx: CoreContext) {}

  settings(): BoardSettings {
    const row = this.ctx.db
      .prepare('SELECT expiry_days AS expiryDays, gap_days AS gapDays, gap_min_asks AS gapMinAsks FROM board_settings')
      .get() as BoardSettings;
    return row;
  }

  setSettings(s: BoardSettings): BoardSettings {
    this.ctx.db
      .prepare('UPDATE board_settings SET expiry_days = ?, gap_days = ?, gap_min_asks = ?')
      .run(s.expiryDays, s.gapDays, s.gapMinAsks);
    return this.settings();
  }

  /** What every board query binds: expiry days, languages and now. */
  params(extra: Record<string, unknown> = {}) {
    const site = requireSite(this.ctx);
    return {
      days: this.settings().expiryDays,
      lang: site.settings.siteLanguage,
      site: site.settings.siteLanguage,
      now: nowIso(this.ctx),
      ...extra,
    };
  }

  cutoff(days: number): string {
    return new Date(this.ctx.clock.now().getTime() - days * DAY_MS).toISOString();
  }

  /** Another hub's name as this hub shows it everywhere (two alike names told apart by key). */
  private hubName(r: EntryRow, labels: HubLabeller | null): string | null {
    if (r.foreign_origin !== 1) return null;
    const label = labels ?? siteLabels(this.ctx.db);
    return label({ id: r.origin_site, name: r.origin_name ?? r.origin_site, fingerprint: r.origin_fingerprint });
  }

  /** Renewing, taking off and matching belong to the entry's owning hub (single writer). */
  requireOwn(e: BoardEntry): void {
    if (e.fromHub !== null) throw new AppError('board.other_hub', `${e.id} belongs to ${e.fromHub}`, { hub: e.fromHub });
  }

  /** One row as the board shows it; `labels` lets a list name every hub from one read of known_sites. */
  toEntry(r: EntryRow, now: string, labels: HubLabeller | null = null): BoardEntry {
    const slots = r.slots ?? parseAvailability(r.availability);
    return {
      id: r.id,
      kind: r.kind,
      category: normalizeCategory(r.category),
      detail: r.detail,
      itemName: r.item_name,
      languages: parseLanguages(r.languages),
      availability: r.availability,
      slots,
      dateFrom: r.date_from,
      dateUntil: r.date_until,
      shortCode: r.short_code,
      hasContact: r.has_contact === 1,
      shareable: r.shareable === 1,
      source: r.source,
      fromHub: this.hubName(r, labels),
      status: r.status === 'met' || r.status === 'withdrawn' ? r.status : 'open',
      createdAt: r.created_at,
      expiresAt: r.expires,
      expired: r.expires <= now || (r.date_until !== null && r.date_until < now.slice(0, 10)),
    };
  }

  entry(id: string): BoardEntry {
    const p = this.params({ id });
    const row = this.ctx.db.prepare(`${ENTRY_SELECT} WHERE n.id = @id`).get(p) as EntryRow | undefined;
    if (!row) throw new AppError('board.not_found', `no board entry ${id}`);
    return this.toEntry(row, p.now);
  }

  /** A volunteer adds a need or an offer on the board (on someone's behalf, or the hub's own). */
  add(input: ParsedNewEntry): BoardEntry {
    const site = requireSite(this.ctx);
    const id = this.ctx.ids.uuid();
    this.ctx.db
      .prepare(
        `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, availability, slots, date_from, date_until,
                                   shareable, source, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'volunteer', 'open', ?)`,
      )
      .run(
        id,
        site.id,
        input.kind,
        input.category,
        input.detail || null,
        JSON.stringify([...new Set(input.languages)]),
        input.availability || null,
        input.slots,
        input.dateFrom,
        input.dateUntil,
        input.shareable ? 1 : 0,
        nowIso(this.ctx),
      );
    return this.entry(id);
  }

  /** Another `expiryDays` on the board from now. Works on an expired entry too: that is the point. */
  renew(id: string): BoardEntry {
    const entry = this.entry(id);
    this.requireOwn(entry);
    if (entry.status !== 'open') throw new AppError('board.not_open', `${id} is ${entry.status}`);
    this.ctx.db.prepare('UPDATE needs_offers SET renewed_at = ? WHERE id = ?').run(nowIso(this.ctx), id);
    return this.entry(id);
  }

  /** Takes an entry off the board; a match in progress with it ends as "not needed any more". */
  withdraw(id: string): BoardEntry {
    return this.ctx.db
      .transaction(() => {
        const entry = this.entry(id);
        this.requireOwn(entry);
        if (entry.status !== 'open') throw new AppError('board.not_open', `${id} is ${entry.status}`);
        const at = nowIso(this.ctx);
        this.ctx.db.prepare("UPDATE needs_offers SET status = 'withdrawn', closed_at = ? WHERE id = ?").run(at, id);
        this.ctx.db
          .prepare(
            `UPDATE board_matches SET state = 'didnt_happen', reason = 'not_needed', updated_at = ?
             WHERE (need_id = ? OR offer_id = ?) AND state IN ${ACTIVE}`,
          )
          .run(at, id, id);
        return this.entry(id);
      })
      .immediate();
  }

  /** Name and phone behind an entry, only as given. The channel is coordinator-only. */
  contact(id: string, session: { role: Role } | null): { firstName: string | null; phone: string | null } {
    // Dispatch already refuses other roles; this second check keeps the rule if the contract changes.
    if (session?.role !== 'coordinator') throw new AppError('auth.forbidden', 'contact details are for the coordinator');
    this.entry(id);
    const row = this.ctx.db
      .prepare(
        `SELECT h.first_name AS firstName, h.phone FROM needs_offers n LEFT JOIN households h ON h.id = n.household_id WHERE n.id = ?`,
      )
      .get(id) as { firstName: string | null; phone: string | null };
    const clean = (s: string | null) => (s && s.trim() !== '' ? s.trim() : null);
    return { firstName: clean(row.firstName), phone: clean(row.phone) };
  }
}
