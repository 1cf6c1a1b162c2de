import type { BoardEntry, BoardMatch, BoardPage, BoardView, Suggestion, Why } from '../../shared/api/channels/board';
import { DAY_MS } from '../../shared/time';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { siteLabels } from '../exchange/sites';
import { parseAvailability } from './availability';
import { OfferIndex, type MatchEntry, type MatchOffer, type Ranked } from './matching';
import type { BoardService } from './board-service';
import {
  ACTIVE,
  boardWindow,
  ENTRY_SELECT,
  GRACE_DAYS,
  MATCHABLE_SQL,
  ON_BOARD_SQL,
  parseLanguages,
  type EntryRow,
  type MatchRow,
  type Reason,
} from './board-sql';

type BoardParams = ReturnType<BoardService['params']> & { since: string; sinceCutoff: string };

/** The matching view: suggestions for open needs, the board as volunteers see it, and matches from suggested to done. */
export class MatchService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly entries: BoardService,
  ) {}

  /** Open, unexpired entries in the lean shape the matcher needs. */
  private matchable(kind: 'need' | 'offer', busy?: Map<string, number>): MatchOffer[] {
    const p = this.entries.params({ kind });
    const today = p.now.slice(0, 10);
    // Rows as arrays, not objects: this reads every open entry (20,000 in the benchmark).
    const rows = this.ctx.db
      .prepare(MATCHABLE_SQL)
      .raw(true)
      .all({ kind, now: p.now, cutoff: this.entries.cutoff(p.days), today }) as [
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
    const need = this.entries.entry(needId);
    if (need.kind !== 'need') throw new AppError('board.not_found', `${needId} is not a need`);
    if (need.status !== 'open' || need.expired) return [];
    const index = new OfferIndex(this.matchable('offer', this.busyCounts()));
    const ranked = index.suggest(this.asMatchEntry(need), limit, this.ctx.clock.now(), this.pairsOnRecord().get(needId));
    return ranked.map((r, i) => ({ rank: i + 1, offer: this.entries.entry(r.offer.id), why: r.why }));
  }

  private asMatchEntry(e: BoardEntry): MatchEntry {
    const householdId = (this.ctx.db.prepare('SELECT household_id AS h FROM needs_offers WHERE id = ?').get(e.id) as { h: string | null })
      .h;
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

  /**
   * The board: the first page of open entries of each kind (and recently expired ones, to
   * renew), newest first, with suggestions for the page's needs; the matches; the totals.
   */
  list(limit: number): BoardView {
    const p = this.boardParams();
    const needs = this.needsPage(p, null, limit);
    const offers = this.entriesPage(p, 'offer', null, limit);
    const totals = this.ctx.db.prepare(`SELECT n.kind, COUNT(*) AS n FROM needs_offers n WHERE ${ON_BOARD_SQL} GROUP BY n.kind`).all(p) as {
      kind: 'need' | 'offer';
      n: number;
    }[];
    const total = (kind: string) => totals.find((t) => t.kind === kind)?.n ?? 0;
    return {
      needs: needs.entries,
      offers: offers.entries,
      needsTotal: total('need'),
      offersTotal: total('offer'),
      needsNext: needs.next,
      offersNext: offers.next,
      matches: this.matches(),
      expiryDays: p.days,
    };
  }

  /** The page of one list that follows `after` (a cursor from the page before). */
  page(kind: 'need' | 'offer', after: string, limit: number): BoardPage {
    const p = this.boardParams();
    if (kind === 'need') {
      const page = this.needsPage(p, after, limit);
      return { needs: page.entries, offers: [], next: page.next };
    }
    const page = this.entriesPage(p, 'offer', after, limit);
    return { needs: [], offers: page.entries, next: page.next };
  }

  private boardParams() {
    const p = this.entries.params();
    return { ...p, ...boardWindow(this.ctx.clock.now(), p.days) };
  }

  /**
   * `limit` entries of a kind on the board after the cursor, newest first: a range of the
   * needs_offers_board index (0260), never the whole history (see tests for its plan).
   */
  private entriesPage(p: BoardParams, kind: 'need' | 'offer', after: string | null, limit: number) {
    const [afterAt = null, afterId = null] = after === null ? [] : after.split('|');
    const rows = this.ctx.db
      .prepare(
        `${ENTRY_SELECT} WHERE n.kind = @kind AND ${ON_BOARD_SQL}
         ${afterAt === null ? '' : 'AND (n.created_at < @afterAt OR (n.created_at = @afterAt AND n.id > @afterId))'}
         ORDER BY n.created_at DESC, n.id LIMIT @take`,
      )
      .all({ ...p, kind, afterAt, afterId, take: limit + 1 }) as EntryRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    // Which hub each entry came from, named from one read of the known hubs for the whole page.
    const labels = siteLabels(this.ctx.db);
    return {
      rows: page,
      entries: page.map((r) => this.entries.toEntry(r, p.now, labels)),
      next: rows.length > limit && last ? `${last.created_at}|${last.id}` : null,
    };
  }

  /** A page of needs, each with its best three offers (the offers read once, for the page). */
  private needsPage(p: BoardParams, after: string | null, limit: number) {
    const page = this.entriesPage(p, 'need', after, limit);
    const active = this.activeMatchByNeed();
    const wanting = page.rows.filter((r, i) => !active.has(r.id) && !page.entries[i]?.expired);
    const ranked = new Map<string, Ranked[]>();
    if (wanting.length > 0) {
      const now = this.ctx.clock.now();
      const index = new OfferIndex(this.matchable('offer', this.busyCounts()));
      const pairs = this.pairsOnRecord();
      for (const r of wanting) {
        const need: MatchEntry = {
          id: r.id,
          category: r.category,
          languages: parseLanguages(r.languages),
          slots: r.slots ?? parseAvailability(r.availability),
          dateFrom: r.date_from,
          dateUntil: r.date_until,
          householdId: r.household_id,
          createdAt: r.created_at,
        };
        ranked.set(r.id, index.suggest(need, 3, now, pairs.get(r.id)));
      }
    }
    const offers = this.entriesById([...new Set([...ranked.values()].flatMap((rs) => rs.map((r) => r.offer.id)))], p.now);
    const entries = page.entries.map((e) => ({
      ...e,
      activeMatchId: active.get(e.id) ?? null,
      suggestions: (ranked.get(e.id) ?? []).map((r, i) => ({
        rank: i + 1,
        offer: offers.get(r.offer.id) ?? this.entries.entry(r.offer.id),
        why: r.why,
      })),
    }));
    return { entries, next: page.next };
  }

  /** Several entries in one query. */
  private entriesById(ids: string[], now: string): Map<string, BoardEntry> {
    if (ids.length === 0) return new Map();
    const rows = this.ctx.db
      .prepare(`${ENTRY_SELECT} WHERE n.id IN (SELECT value FROM json_each(@ids))`)
      .all(this.entries.params({ ids: JSON.stringify(ids) })) as EntryRow[];
    const labels = siteLabels(this.ctx.db);
    return new Map(rows.map((r) => [r.id, this.entries.toEntry(r, now, labels)]));
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
      need: this.entries.entry(r.need_id),
      offer: this.entries.entry(r.offer_id),
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

  /** A volunteer takes a suggestion forward: checked again now, so a stale screen cannot pair a misfit. */
  propose(needId: string, offerId: string, volunteer: string | null): BoardMatch {
    return this.ctx.db
      .transaction(() => {
        const need = this.entries.entry(needId);
        const offer = this.entries.entry(offerId);
        if (need.kind !== 'need' || offer.kind !== 'offer') throw new AppError('board.not_found', 'need or offer not found');
        this.entries.requireOwn(need);
        this.entries.requireOwn(offer);
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
}
