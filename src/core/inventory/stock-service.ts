import type { z } from 'zod';
import type { StockQuery } from '../../shared/api/channels/inventory';
import {
  MAX_QTY,
  SOURCES,
  type AdjustReason,
  type Movement,
  type Source,
  type StockRow,
  type Unit,
} from '../../shared/inventory/catalogue';
import { barcodeVariants } from '../../shared/inventory/barcode';
import type { LocaleCode } from '../../shared/locales';
import { DAY_MS, isoDay } from '../../shared/time';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { AVAILABLE_SQL, ON_HAND_SQL, RESERVED_JOIN, RESERVED_QTY_SQL, STOCK_JOIN, onHandOf, today } from './available';
import type { CatalogueService } from './catalogue-service';
import { itemNameSql } from './item-name';
import { KNOWN_HERE_SQL, lowSql } from './known-here';
import { joinCode, recordMovement, splitCode } from './ledger';
import { lotsOf, onHandAt, requireItem, siteLanguage, tagsOf } from './lots';
import { containsPattern, registerTextFunctions } from './text';
import { checkReceiptExtras, receiptQty } from '../donors/receipt-extras';

type ParsedStockQuery = z.output<typeof StockQuery>;

export interface ReceiveInput {
  requestId: string;
  itemId: string;
  /** Absent for a weighed item received by weight: the units follow from the scale (receiptQty). */
  qty?: number | null;
  lotCode: string | null;
  expiresOn: string | null;
  source: Source;
  sourceName: string | null;
  acceptPastExpiry: boolean;
  /** Weight, donor and in-kind value (issue 16); checked in donors/receipt-extras.ts. */
  weightG?: number | null;
  donorId?: string | null;
  valueCents?: number | null;
}

export interface AdjustInput {
  requestId: string;
  itemId: string;
  lotId: string | null;
  qty: number;
  reason: AdjustReason;
  note: string | null;
}

interface StockSqlRow {
  id: string;
  name: string;
  untranslated: number;
  category_id: string | null;
  unit: Unit;
  icon: string | null;
  low_stock: number;
  on_hand: number;
  reserved: number;
  available: number;
  next_expiry: string | null;
  low: number;
  here: number;
}

interface MovementRow {
  id: string;
  kind: Movement['kind'];
  qty: number;
  lot_code: string | null;
  expires_on: string | null;
  reason: string | null;
  note: string | null;
  source: string | null;
  volunteer: string | null;
  slip_id: string | null;
  at: string;
}

/**
 * Stock on the shelves: the stock list and search, receiving, adjustments and each item's
 * history. Every write runs in one immediate transaction and carries the volunteer who made it.
 */
export class StockService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly catalogue: CatalogueService,
  ) {
    registerTextFunctions(ctx.db);
  }

  search(query: string, language: LocaleCode, limit: number): StockRow[] {
    return this.stock({
      language,
      search: query,
      categoryId: null,
      tag: null,
      // Receiving looks among every item, other hubs' too: that is how one comes to be stocked here.
      view: 'any',
      withinDays: 7,
      sort: 'name',
      limit,
      offset: 0,
    }).rows;
  }

  /**
   * The stock list: one row per item with on hand, reserved and available, filtered by search
   * (name in any language, or barcode), category and tag, in the all / low-stock / expiring
   * views, and apart from them the items known only from other hubs (see known-here.ts).
   * Reads maintained tables only; the ledger is never summed.
   */
  stock(q: Omit<ParsedStockQuery, 'view'> & { view: ParsedStockQuery['view'] | 'any' }): { rows: StockRow[]; total: number } {
    const todayDay = today(this.ctx);
    const nowMs = this.ctx.clock.now().getTime();
    const params = {
      lang: q.language,
      site: siteLanguage(this.ctx),
      today: todayDay,
      category: q.categoryId,
      tag: q.tag,
      search: q.search,
      pattern: containsPattern(q.search),
      barcodes: JSON.stringify(/^\d{8,13}$/.test(q.search) ? barcodeVariants(q.search) : []),
      matches: '[]',
      until: isoDay(nowMs + q.withinDays * DAY_MS),
      limit: q.limit,
      offset: q.offset,
    };
    const view =
      q.view === 'low'
        ? `AND ${lowSql(AVAILABLE_SQL)}`
        : q.view === 'expiring'
          ? 'AND st.next_expiry IS NOT NULL AND st.next_expiry <= @until'
          : q.view === 'elsewhere'
            ? `AND NOT ${KNOWN_HERE_SQL}`
            : q.view === 'all'
              ? `AND ${KNOWN_HERE_SQL}`
              : '';
    const order =
      q.sort === 'on_hand'
        ? 'on_hand, name COLLATE NOCASE'
        : q.view === 'expiring'
          ? // Walks item_stock_expiry in order and stops after one page (no sort of every item).
            'st.next_expiry, st.item_id'
          : q.sort === 'expiry'
            ? 'next_expiry IS NULL, next_expiry, name COLLATE NOCASE'
            : 'name COLLATE NOCASE, i.id';
    // Search first finds the matching items in one pass over the names (and barcodes, when the
    // text is all digits); the page and the total then only look at those items.
    const search = q.search === '' ? '' : 'AND i.id IN (SELECT value FROM json_each(@matches))';
    const matches =
      q.search === ''
        ? []
        : (
            this.ctx.db
              .prepare(
                // LIKE already folds ASCII case, so only names with other characters need inv_fold().
                `SELECT item_id FROM item_names
                 WHERE name LIKE @pattern ESCAPE '\\' OR (name GLOB '*[^ -~]*' AND inv_fold(name) LIKE @pattern ESCAPE '\\')
                 UNION
                 SELECT item_id FROM item_barcodes WHERE barcode IN (SELECT value FROM json_each(@barcodes))`,
              )
              .all({ pattern: params.pattern, barcodes: params.barcodes }) as { item_id: string }[]
          ).map((r) => r.item_id);
    // The expiring view starts from the items that have a first expiry, in date order.
    const source =
      q.view === 'expiring'
        ? 'FROM item_stock st INDEXED BY item_stock_expiry JOIN items i ON i.id = st.item_id'
        : `FROM items i ${STOCK_JOIN}`;
    params.matches = JSON.stringify(matches);
    const filters = `WHERE i.archived_at IS NULL
           AND (@category IS NULL OR i.category_id = @category)
           AND (@tag IS NULL OR EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id = i.id AND t.tag = @tag))
           ${search}
           ${view}`;
    // One page, sorted; names are resolved for sorting, everything else only for the page.
    const name = itemNameSql('i.id');
    const rows = this.ctx.db
      .prepare(
        `SELECT i.id, ${name.name} AS name, ${name.untranslated} AS untranslated, i.category_id,
                i.unit, i.icon, i.low_stock, ${ON_HAND_SQL} AS on_hand, ${RESERVED_QTY_SQL} AS reserved,
                ${AVAILABLE_SQL} AS available, st.next_expiry, ${lowSql(AVAILABLE_SQL)} AS low, ${KNOWN_HERE_SQL} AS here
         ${source}
         ${name.joins}
         ${RESERVED_JOIN}
         ${filters}
         ORDER BY ${order}
         LIMIT @limit OFFSET @offset`,
      )
      .all(params) as StockSqlRow[];
    // The total needs no names (a window count would carry every row through the sort).
    const total =
      q.offset === 0 && rows.length < q.limit
        ? rows.length
        : (
            this.ctx.db
              .prepare(
                `SELECT COUNT(*) AS n ${source}
                 ${RESERVED_JOIN}
                 ${filters}`,
              )
              .get(params) as { n: number }
          ).n;
    const categories = new Map(this.catalogue.categories(q.language).map((c) => [c.id, c.name]));
    const ids = rows.map((r) => r.id);
    const lots = lotsOf(this.ctx, ids);
    const tags = tagsOf(this.ctx, ids);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        name: r.name,
        untranslated: r.untranslated === 1,
        category: r.category_id === null ? null : (categories.get(r.category_id) ?? null),
        unit: r.unit,
        icon: r.icon,
        tags: tags.get(r.id) ?? [],
        lowStock: r.low_stock,
        low: r.low === 1,
        stockedHere: r.here === 1,
        onHand: r.on_hand,
        reserved: r.reserved,
        available: r.available,
        nextExpiry: r.next_expiry,
        lots: lots.get(r.id) ?? [],
      })),
    };
  }

  /** An earlier movement with this request id: the same submission again, or a misuse. */
  private replay(requestId: string, itemId: string, kind: string, qty: number): { id: string; lot_id: string | null } | null {
    const prior = this.ctx.db.prepare('SELECT id, item_id, lot_id, kind, qty FROM movements WHERE request_id = ?').get(requestId) as
      { id: string; item_id: string; lot_id: string | null; kind: string; qty: number } | undefined;
    if (!prior) return null;
    if (prior.item_id !== itemId || prior.kind !== kind || prior.qty !== qty) {
      throw new AppError('inventory.request_reused', 'this request id was used for a different movement');
    }
    return prior;
  }

  receive(input: ReceiveInput, volunteer: string | null): { movementId: string; lotId: string | null; onHand: number } {
    return this.ctx.db
      .transaction(() => {
        requireItem(this.ctx, input.itemId);
        checkReceiptExtras(this.ctx, input);
        const qty = receiptQty(this.ctx, input);
        const prior = this.replay(input.requestId, input.itemId, 'receive', qty);
        if (prior) return { movementId: prior.id, lotId: prior.lot_id, onHand: onHandOf(this.ctx, input.itemId) };
        if (qty < 1 || qty > MAX_QTY) throw new AppError('inventory.bad_qty', 'quantity out of range', { max: MAX_QTY });
        const todayIso = isoDay(this.ctx.clock.now().getTime());
        if (input.expiresOn !== null && input.expiresOn < todayIso && !input.acceptPastExpiry) {
          throw new AppError('inventory.expiry_past', 'expiry date is in the past', { date: input.expiresOn });
        }
        let lotId: string | null = null;
        if (input.lotCode !== null || input.expiresOn !== null) {
          // The same lot code and date again (a second pallet of one batch) adds to that lot.
          const existing = this.ctx.db
            .prepare('SELECT id FROM lots WHERE item_id = ? AND code IS ? AND expires_on IS ? ORDER BY received_at LIMIT 1')
            .get(input.itemId, input.lotCode, input.expiresOn) as { id: string } | undefined;
          lotId = existing?.id ?? this.ctx.ids.uuid();
          if (!existing) {
            this.ctx.db
              .prepare('INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES (?, ?, ?, ?, ?)')
              .run(lotId, input.itemId, input.lotCode, input.expiresOn, nowIso(this.ctx));
          }
        }
        const movementId = recordMovement(this.ctx, {
          itemId: input.itemId,
          lotId,
          kind: 'receive',
          qty,
          source: joinCode(input.source, input.sourceName),
          volunteer,
          requestId: input.requestId,
          weightG: input.weightG ?? null,
          donorId: input.donorId ?? null,
          valueCents: input.valueCents ?? null,
        });
        return { movementId, lotId, onHand: onHandOf(this.ctx, input.itemId) };
      })
      .immediate();
  }

  /**
   * Spoiled, damaged and expired stock leaves the shelf (a negative quantity, never below
   * zero); a count correction may go either way and is the only movement allowed to take a
   * lot below zero, because it records what is physically there.
   */
  adjust(input: AdjustInput, volunteer: string | null): { movementId: string; onHand: number } {
    return this.ctx.db
      .transaction(() => {
        const prior = this.replay(input.requestId, input.itemId, 'adjust', input.qty);
        if (prior) return { movementId: prior.id, onHand: onHandOf(this.ctx, input.itemId) };
        requireItem(this.ctx, input.itemId);
        if (input.qty === 0 || Math.abs(input.qty) > MAX_QTY || (input.reason !== 'count_correction' && input.qty > 0)) {
          throw new AppError('inventory.bad_qty', 'this adjustment must take stock away', { reason: input.reason });
        }
        if (
          input.lotId !== null &&
          !this.ctx.db.prepare('SELECT 1 FROM lots WHERE id = ? AND item_id = ?').get(input.lotId, input.itemId)
        ) {
          throw new AppError('inventory.lot_not_found', `no lot ${input.lotId}`, { lotId: input.lotId });
        }
        const current = onHandAt(this.ctx, input.itemId, input.lotId);
        const correction = input.reason === 'count_correction';
        if (!correction && current + input.qty < 0) {
          throw new AppError('inventory.not_enough_stock', 'cannot take away more than is on hand', { onHand: current });
        }
        const movementId = recordMovement(this.ctx, {
          itemId: input.itemId,
          lotId: input.lotId,
          kind: 'adjust',
          qty: input.qty,
          reason: input.reason,
          note: input.note,
          volunteer,
          requestId: input.requestId,
          allowNegative: correction,
        });
        return { movementId, onHand: onHandOf(this.ctx, input.itemId) };
      })
      .immediate();
  }

  /**
   * Every movement of an item, newest first, paged by the id of the last one shown. Movements
   * in the same millisecond keep their insertion order (rowid), since ids are random within one.
   */
  history(itemId: string, limit: number, before: string | null): Movement[] {
    requireItem(this.ctx, itemId);
    const rows = this.ctx.db
      .prepare(
        `SELECT m.id, m.kind, m.qty, l.code AS lot_code, l.expires_on, m.reason, m.note, m.source, m.volunteer, m.slip_id, m.at
         FROM movements m LEFT JOIN lots l ON l.id = m.lot_id
         WHERE m.item_id = @item
           AND (@before IS NULL OR (m.at, m.rowid) < (SELECT at, rowid FROM movements WHERE id = @before))
         ORDER BY m.at DESC, m.rowid DESC LIMIT @limit`,
      )
      .all({ item: itemId, before, limit }) as MovementRow[];
    return rows.map((r) => {
      const [sourceCode, sourceText] = splitCode(r.source);
      // Older rows (demo, other features) may hold a plain donor name without a source kind.
      const known = sourceCode !== null && (SOURCES as readonly string[]).includes(sourceCode);
      return {
        id: r.id,
        kind: r.kind,
        qty: r.qty,
        lotCode: r.lot_code,
        expiresOn: r.expires_on,
        reason: r.reason,
        note: r.note,
        source: known ? sourceCode : null,
        sourceName: known ? sourceText : r.source,
        volunteer: r.volunteer,
        slipId: r.slip_id,
        at: r.at,
      };
    });
  }
}
