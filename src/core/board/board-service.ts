import type {
  BoardEntry,
  BoardMatch,
  BoardSettings,
  BoardView,
  PantryGap,
  PublicView,
  Suggestion,
  Why,
} from '../../shared/api/channels/board';
import type { LocaleCode } from '../../shared/locales';
import { DAY_MS, dayNumber } from '../../shared/time';
import type { z } from 'zod';
import type { NewEntry as NewEntrySchema, DidntHappenReason } from '../../shared/api/channels/board';
import type { Role } from '../../shared/api/channel';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { AVAILABILITY_JOINS, AVAILABLE_SQL } from '../inventory/available';
import { itemNameSql } from '../inventory/item-name';
import { parseAvailability } from './availability';
import { OfferIndex, normalizeCategory, type MatchEntry, type MatchOffer, type Ranked } from './matching';

type ParsedNewEntry = z.output<typeof NewEntrySchema>;
type Reason = z.output<typeof DidntHappenReason>;

interface EntryRow {
  id: string;
  kind: 'need' | 'offer';
  category: string;
  detail: string | null;
  languages: string;
  availability: string | null;
  slots: number | null;
  date_from: string | null;
  date_until: string | null;
  household_id: string | null;
  shareable: number;
  source: 'visitor' | 'volunteer' | 'pantry';
  status: string;
  created_at: string;
  expires: string;
  item_name: string | null;
  short_code: string | null;
  has_contact: number;
}

interface MatchRow {
  id: string;
  need_id: string;
  offer_id: string;
  state: BoardMatch['state'];
  reason: Reason | null;
  why: string;
  created_at: string;
  updated_at: string;
}

/** Days a "met" or withdrawn entry, or an expired one, stays visible so it can be renewed. */
const GRACE_DAYS = 14;

const ACTIVE = "('suggested', 'agreed')";

/** The moment an entry expires, in SQL: a renewal restarts the site's clock; else intake's own date, else created + days. */
const EXPIRES_SQL = `CASE
  WHEN n.renewed_at IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', n.renewed_at, '+' || @days || ' days')
  WHEN n.expires_at IS NOT NULL THEN n.expires_at
  ELSE strftime('%Y-%m-%dT%H:%M:%fZ', n.created_at, '+' || @days || ' days') END`;

/**
 * The same rule as a filter "still live at @now", without date arithmetic per row (the matcher
 * reads every open entry): compare the start of the period with @cutoff = now - days instead.
 * Timestamps are ISO strings from the same clock format, so string order is time order.
 */
const LIVE_SQL = `(CASE
  WHEN n.renewed_at IS NOT NULL THEN n.renewed_at > @cutoff
  WHEN n.expires_at IS NOT NULL THEN n.expires_at > @now
  ELSE n.created_at > @cutoff END)`;

/** The matcher's read of open entries of one kind: the hot query (see tests for its plan). */
export const MATCHABLE_SQL = `
  SELECT n.id, n.category, n.languages, n.slots, n.availability, n.date_from, n.date_until, n.household_id, n.created_at
  FROM needs_offers n
  WHERE n.kind = @kind AND n.status = 'open' AND ${LIVE_SQL}
    AND (n.date_until IS NULL OR n.date_until >= @today)`;

const entryItem = itemNameSql('n.item_id', 'item');

const ENTRY_SELECT = `
  SELECT n.id, n.kind, n.category, n.detail, n.languages, n.availability, n.slots, n.date_from, n.date_until,
         n.household_id, n.shareable, n.source, n.status, n.created_at, ${EXPIRES_SQL} AS expires,
         ${entryItem.name} AS item_name,
         (SELECT s.short_code FROM slips s WHERE s.household_id = n.household_id ORDER BY s.issued_at DESC LIMIT 1) AS short_code,
         (h.first_name IS NOT NULL AND trim(h.first_name) <> '') OR (h.phone IS NOT NULL AND trim(h.phone) <> '') AS has_contact
  FROM needs_offers n
  LEFT JOIN households h ON h.id = n.household_id
  ${entryItem.joins}`;

const itemName = itemNameSql('i.id');

/**
 * What slips issued since @since (not voided) asked for, per item: on how many slips and how
 * much in all. Reads only the window's slips, through slips_issued_at. CROSS JOIN keeps slips
 * the outer loop: left to itself the planner walks every slip line ever issued, in item order,
 * to save grouping a few hundred rows.
 */
const ASKED_CTE = `asked AS (
  SELECT l.item_id, COUNT(*) AS asks, SUM(l.qty) AS qty FROM slips sl CROSS JOIN slip_lines l ON l.slip_id = sl.id
  WHERE sl.issued_at >= @since AND sl.voided_at IS NULL GROUP BY l.item_id
)`;

/** Rows written elsewhere (intake) may carry anything in `languages`: read what is readable. */
function parseLanguages(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}

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

  private params(extra: Record<string, unknown> = {}) {
    const site = requireSite(this.ctx);
    return { days: this.settings().expiryDays, lang: site.settings.siteLanguage, site: site.settings.siteLanguage, now: nowIso(this.ctx), ...extra };
  }

  private cutoff(days: number): string {
    return new Date(this.ctx.clock.now().getTime() - days * DAY_MS).toISOString();
  }

  private toEntry(r: EntryRow, now: string): BoardEntry {
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

  /** Open, unexpired entries in the lean shape the matcher needs. */
  private matchable(kind: 'need' | 'offer', busy?: Map<string, number>): MatchOffer[] {
    const p = this.params({ kind });
    const today = p.now.slice(0, 10);
    // Rows as arrays, not objects: this reads every open entry (20,000 in the benchmark).
    const rows = this.ctx.db
      .prepare(MATCHABLE_SQL)
      .raw(true)
      .all({ kind, now: p.now, cutoff: this.cutoff(p.days), today }) as [
      id: string,
      category: string,
      languages: string,
      slots: number | null,
      availability: string | null,
      dateFrom: string | null,
      dateUntil: string | null,
      householdId: string | null,
      createdAt: string,
    ][];
    // Intake writes the same few strings over and over ('["fa"]', 'Saturdays'): read each once.
    const langs = new Map<string, string[]>();
    const times = new Map<string, number | null>();
    const languagesOf = (raw: string) => {
      let v = langs.get(raw);
      if (!v) langs.set(raw, (v = parseLanguages(raw)));
      return v;
    };
    const slotsOf = (text: string | null) => {
      if (text === null) return null;
      let v = times.get(text);
      if (v === undefined) times.set(text, (v = parseAvailability(text)));
      return v;
    };
    return rows.map(([id, category, languages, slots, availability, dateFrom, dateUntil, householdId, createdAt]) => ({
      id,
      category,
      languages: languagesOf(languages),
      slots: slots ?? slotsOf(availability),
      dateFrom,
      dateUntil,
      householdId,
      createdAt,
      busy: busy?.get(id) ?? 0,
    }));
  }

  private busyCounts(): Map<string, number> {
    const rows = this.ctx.db
      .prepare(`SELECT offer_id AS id, COUNT(*) AS n FROM board_matches WHERE state IN ${ACTIVE} GROUP BY offer_id`)
      .all() as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  private pairsOnRecord(): Map<string, Set<string>> {
    const rows = this.ctx.db.prepare('SELECT need_id AS needId, offer_id AS offerId FROM board_matches').all() as {
      needId: string;
      offerId: string;
    }[];
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const set = out.get(r.needId);
      if (set) set.add(r.offerId);
      else out.set(r.needId, new Set([r.offerId]));
    }
    return out;
  }

  private activeMatchByNeed(): Map<string, string> {
    const rows = this.ctx.db.prepare(`SELECT need_id AS needId, id FROM board_matches WHERE state IN ${ACTIVE}`).all() as {
      needId: string;
      id: string;
    }[];
    return new Map(rows.map((r) => [r.needId, r.id]));
  }

  /**
   * Suggestions for every open need without a match in progress: the best `limit` offers each.
   * Two queries, one index, no all-pairs scan (see matching.ts).
   */
  suggestAll(limit: number): Map<string, Ranked[]> {
    const now = this.ctx.clock.now();
    const index = new OfferIndex(this.matchable('offer', this.busyCounts()));
    const pairs = this.pairsOnRecord();
    const active = this.activeMatchByNeed();
    const out = new Map<string, Ranked[]>();
    for (const need of this.matchable('need')) {
      if (active.has(need.id)) continue;
      out.set(need.id, index.suggest(need, limit, now, pairs.get(need.id)));
    }
    return out;
  }

  suggest(needId: string, limit: number): Suggestion[] {
    const need = this.entry(needId);
    if (need.kind !== 'need') throw new AppError('board.not_found', `${needId} is not a need`);
    if (need.status !== 'open' || need.expired) return [];
    const index = new OfferIndex(this.matchable('offer', this.busyCounts()));
    const ranked = index.suggest(this.asMatchEntry(need), limit, this.ctx.clock.now(), this.pairsOnRecord().get(needId));
    return ranked.map((r, i) => ({ rank: i + 1, offer: this.entry(r.offer.id), why: r.why }));
  }

  private asMatchEntry(e: BoardEntry): MatchEntry {
    const householdId =
      (this.ctx.db.prepare('SELECT household_id AS h FROM needs_offers WHERE id = ?').get(e.id) as { h: string | null }).h;
    return {
      id: e.id,
      category: e.category,
      languages: e.languages,
      slots: e.slots,
      dateFrom: e.dateFrom,
      dateUntil: e.dateUntil,
      householdId,
      createdAt: e.createdAt,
    };
  }

  /** The board: open entries (and recently expired ones, to renew), suggestions, matches. */
  list(): BoardView {
    const p = this.params();
    const since = new Date(this.ctx.clock.now().getTime() - GRACE_DAYS * DAY_MS).toISOString();
    const rows = this.ctx.db
      .prepare(`${ENTRY_SELECT} WHERE n.status = 'open' AND ${EXPIRES_SQL} > @since ORDER BY n.created_at DESC, n.id`)
      .all({ ...p, since }) as EntryRow[];
    const entries = rows.map((r) => this.toEntry(r, p.now));
    const byId = new Map(entries.map((e) => [e.id, e]));
    const suggestions = this.suggestAll(3);
    const active = this.activeMatchByNeed();
    const needs = entries
      .filter((e) => e.kind === 'need')
      .map((e) => ({
        ...e,
        activeMatchId: active.get(e.id) ?? null,
        suggestions: (suggestions.get(e.id) ?? []).map((r, i) => ({
          rank: i + 1,
          offer: byId.get(r.offer.id) ?? this.entry(r.offer.id),
          why: r.why,
        })),
      }));
    return {
      needs,
      offers: entries.filter((e) => e.kind === 'offer'),
      matches: this.matches(),
      expiryDays: p.days,
    };
  }

  /** Matches in progress, and those closed in the last two weeks. */
  matches(): BoardMatch[] {
    const since = new Date(this.ctx.clock.now().getTime() - GRACE_DAYS * DAY_MS).toISOString();
    const rows = this.ctx.db
      .prepare(
        `SELECT id, need_id, offer_id, state, reason, why, created_at, updated_at FROM board_matches
         WHERE state IN ${ACTIVE} OR updated_at >= ? ORDER BY updated_at DESC, id`,
      )
      .all(since) as MatchRow[];
    return rows.map((r) => this.toMatch(r));
  }

  private toMatch(r: MatchRow): BoardMatch {
    return {
      id: r.id,
      state: r.state,
      reason: r.reason,
      need: this.entry(r.need_id),
      offer: this.entry(r.offer_id),
      why: JSON.parse(r.why) as Why[],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  private match(id: string): BoardMatch {
    const row = this.ctx.db
      .prepare('SELECT id, need_id, offer_id, state, reason, why, created_at, updated_at FROM board_matches WHERE id = ?')
      .get(id) as MatchRow | undefined;
    if (!row) throw new AppError('board.not_found', `no match ${id}`);
    return this.toMatch(row);
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
    if (entry.status !== 'open') throw new AppError('board.not_open', `${id} is ${entry.status}`);
    this.ctx.db.prepare('UPDATE needs_offers SET renewed_at = ? WHERE id = ?').run(nowIso(this.ctx), id);
    return this.entry(id);
  }

  /** Takes an entry off the board; a match in progress with it ends as "not needed any more". */
  withdraw(id: string): BoardEntry {
    return this.ctx.db
      .transaction(() => {
        const entry = this.entry(id);
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

  /** A volunteer takes a suggestion forward: checked again now, so a stale screen cannot pair a misfit. */
  propose(needId: string, offerId: string, volunteer: string | null): BoardMatch {
    return this.ctx.db
      .transaction(() => {
        const need = this.entry(needId);
        const offer = this.entry(offerId);
        if (need.kind !== 'need' || offer.kind !== 'offer') throw new AppError('board.not_found', 'need or offer not found');
        for (const e of [need, offer]) {
          if (e.status !== 'open' || e.expired) throw new AppError('board.not_open', `${e.id} is not open`, { kind: e.kind });
        }
        if (this.ctx.db.prepare(`SELECT 1 FROM board_matches WHERE need_id = ? AND state IN ${ACTIVE}`).get(needId)) {
          throw new AppError('board.already_matched', `${needId} already has a match in progress`);
        }
        const busy = this.busyCounts().get(offerId) ?? 0;
        const index = new OfferIndex([{ ...this.asMatchEntry(offer), busy }]);
        const [fit] = index.suggest(this.asMatchEntry(need), 1, this.ctx.clock.now(), this.pairsOnRecord().get(needId));
        if (!fit) throw new AppError('board.no_longer_fits', `${offerId} does not fit ${needId}`);
        const id = this.ctx.ids.uuid();
        const at = nowIso(this.ctx);
        this.ctx.db
          .prepare(
            `INSERT INTO board_matches (id, origin_site, need_id, offer_id, state, why, created_at, updated_at, created_by)
             VALUES (?, ?, ?, ?, 'suggested', ?, ?, ?, ?)`,
          )
          .run(id, requireSite(this.ctx).id, needId, offerId, JSON.stringify(fit.why), at, at, volunteer);
        return this.match(id);
      })
      .immediate();
  }

  /** suggested → agreed → done; either of the first two → didn't happen (with a reason). */
  advance(matchId: string, to: 'agreed' | 'done' | 'didnt_happen', reason: Reason | null): BoardMatch {
    return this.ctx.db
      .transaction(() => {
        const m = this.match(matchId);
        const allowed: Record<BoardMatch['state'], readonly string[]> = {
          suggested: ['agreed', 'didnt_happen'],
          agreed: ['done', 'didnt_happen'],
          done: [],
          didnt_happen: [],
        };
        if (!allowed[m.state].includes(to)) {
          throw new AppError('board.bad_transition', `a ${m.state} match cannot become ${to}`, { from: m.state, to });
        }
        if (to === 'didnt_happen' && reason === null) throw new AppError('board.reason_needed', 'say why it did not happen');
        const at = nowIso(this.ctx);
        this.ctx.db
          .prepare('UPDATE board_matches SET state = ?, reason = ?, updated_at = ? WHERE id = ?')
          .run(to, to === 'didnt_happen' ? reason : null, at, matchId);
        // A met need leaves the board; the offer stays (one driver can drive many people).
        if (to === 'done') {
          this.ctx.db.prepare("UPDATE needs_offers SET status = 'met', closed_at = ? WHERE id = ?").run(at, m.need.id);
        }
        return this.match(matchId);
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

  /**
   * Items often asked for (on at least `gapMinAsks` slips in the last `gapDays` days) that a
   * visitor could not get now: available (on hand minus what outstanding slips promise) at or
   * below the item's low-stock mark.
   */
  gaps(language?: LocaleCode): PantryGap[] {
    const site = requireSite(this.ctx);
    const s = this.settings();
    const now = this.ctx.clock.now();
    const since = new Date(now.getTime() - s.gapDays * DAY_MS).toISOString();
    const rows = this.ctx.db
      .prepare(
        `WITH ${ASKED_CTE}
         SELECT i.id AS itemId, ${itemName.name} AS name, COALESCE(cn.name, cf.name) AS category,
                i.unit, a.asks, ${AVAILABLE_SQL} AS available,
                (SELECT e.id FROM needs_offers e WHERE e.item_id = i.id AND e.status = 'open' ORDER BY e.created_at DESC LIMIT 1) AS entryId
         FROM asked a JOIN items i ON i.id = a.item_id
         ${AVAILABILITY_JOINS}
         ${itemName.joins}
         LEFT JOIN category_names cn ON cn.category_id = i.category_id AND cn.locale = @lang
         LEFT JOIN category_names cf ON cf.category_id = i.category_id AND cf.locale = @site
         WHERE i.archived_at IS NULL AND a.asks >= @minAsks AND ${AVAILABLE_SQL} <= i.low_stock
         ORDER BY a.asks DESC, available, name`,
      )
      .all({
        since,
        today: dayNumber(now),
        minAsks: s.gapMinAsks,
        lang: language ?? site.settings.siteLanguage,
        site: site.settings.siteLanguage,
      }) as PantryGap[];
    return rows;
  }

  /** Publishes a gap as a shareable "we need" entry (the exchange carries shareable entries). */
  publishGap(itemId: string): BoardEntry {
    const site = requireSite(this.ctx);
    return this.ctx.db
      .transaction(() => {
        const existing = this.ctx.db
          .prepare("SELECT id FROM needs_offers WHERE item_id = ? AND status = 'open' AND kind = 'need'")
          .get(itemId) as { id: string } | undefined;
        if (existing) return this.renew(existing.id);
        if (!this.ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(itemId)) {
          throw new AppError('board.not_found', `no item ${itemId}`);
        }
        const id = this.ctx.ids.uuid();
        this.ctx.db
          .prepare(
            `INSERT INTO needs_offers (id, origin_site, kind, category, languages, item_id, shareable, source, status, created_at)
             VALUES (?, ?, 'need', 'pantry', '[]', ?, 1, 'pantry', 'open', ?)`,
          )
          .run(id, site.id, itemId, nowIso(this.ctx));
        return this.entry(id);
      })
      .immediate();
  }

  /**
   * The waiting-room screen. Aggregates only: item names, and for help wanted, categories and
   * counts of needs the visitor marked shareable. No detail text, no codes, nothing personal.
   */
  publicView(language: LocaleCode): PublicView {
    const site = requireSite(this.ctx);
    const s = this.settings();
    const now = this.ctx.clock.now();
    const since = new Date(now.getTime() - s.gapDays * DAY_MS).toISOString();
    const names = { lang: language, site: site.settings.siteLanguage };
    const gaps = this.gaps(language);
    const needIds = new Set(gaps.map((g) => g.itemId));
    const published = this.ctx.db
      .prepare(
        `SELECT i.id AS itemId, ${itemName.name} AS name, i.unit FROM needs_offers e JOIN items i ON i.id = e.item_id
         ${itemName.joins}
         WHERE e.kind = 'need' AND e.status = 'open' AND e.shareable = 1 AND ${EXPIRES_SQL.replaceAll('n.', 'e.')} > @now
         ORDER BY e.created_at`,
      )
      .all({ ...names, days: s.expiryDays, now: now.toISOString() }) as { itemId: string; name: string; unit: string }[];
    const need = gaps.map((g) => ({ itemId: g.itemId, name: g.name, unit: g.unit }));
    for (const p of published) if (!needIds.has(p.itemId)) need.push(p);

    // Surplus: at least 10 available (promised stock is not surplus) and at least three times
    // what slips asked for in the window.
    const have = this.ctx.db
      .prepare(
        `WITH ${ASKED_CTE}
         SELECT i.id AS itemId, ${itemName.name} AS name, i.unit
         FROM items i
         ${AVAILABILITY_JOINS}
         LEFT JOIN asked a ON a.item_id = i.id
         ${itemName.joins}
         WHERE i.archived_at IS NULL AND ${AVAILABLE_SQL} >= 10 AND ${AVAILABLE_SQL} >= 3 * COALESCE(a.qty, 0) AND ${AVAILABLE_SQL} > i.low_stock
         ORDER BY ${AVAILABLE_SQL} - 3 * COALESCE(a.qty, 0) DESC, name LIMIT 8`,
      )
      .all({ ...names, since, today: dayNumber(now) }) as { itemId: string; name: string; unit: string }[];

    const openNeeds = this.ctx.db
      .prepare(
        `SELECT n.kind, n.category, COUNT(*) AS c FROM needs_offers n
         WHERE n.kind IN ('need', 'offer') AND n.status = 'open' AND n.item_id IS NULL AND ${EXPIRES_SQL} > @now
           AND (n.kind = 'offer' OR n.shareable = 1)
         GROUP BY n.kind, lower(trim(n.category))`,
      )
      .all({ days: s.expiryDays, now: now.toISOString() }) as { kind: string; category: string; c: number }[];
    const offered = new Map<string, number>();
    for (const r of openNeeds) if (r.kind === 'offer') offered.set(normalizeCategory(r.category), r.c);
    const offersWanted = openNeeds
      .filter((r) => r.kind === 'need' && r.c > (offered.get(normalizeCategory(r.category)) ?? 0))
      .map((r) => ({ category: normalizeCategory(r.category), needs: r.c }))
      .sort((a, b) => b.needs - a.needs || a.category.localeCompare(b.category));

    return { siteName: site.name, languages: site.settings.languages, have, need: need.slice(0, 8), offersWanted: offersWanted.slice(0, 8) };
  }
}
