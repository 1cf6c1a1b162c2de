import type { z } from 'zod';
import type { CountDifference, StockQuery } from '../../shared/api/channels/inventory';
import {
  ItemDraft,
  MAX_QTY,
  Unit,
  SOURCES,
  type AdjustReason,
  type ItemDetail,
  type LotStock,
  type Movement,
  type Source,
  type StockRow,
  type Tag,
} from '../../shared/inventory/catalogue';
import { barcodeVariants, isValidBarcode } from '../../shared/inventory/barcode';
import type { LocaleCode } from '../../shared/locales';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { AVAILABLE_SQL, ON_HAND_SQL, RESERVED_JOIN, RESERVED_QTY_SQL, STOCK_JOIN, availability, onHandOf, today } from './available';
import { fefoOrder } from './fefo';
import { itemName, itemNameSql } from './item-name';
import { checkReceiptExtras } from '../donors/receipt-extras';
import { recordMovement } from './ledger';
import { containsPattern, registerTextFunctions } from './text';

type ParsedDraft = z.output<typeof ItemDraft>;
type ParsedStockQuery = z.output<typeof StockQuery>;
type Difference = z.output<typeof CountDifference>;

export interface ReceiveInput {
  requestId: string;
  itemId: string;
  qty: number;
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

export interface CountLineInput {
  itemId: string;
  lotId: string | null;
  counted: number;
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
}

interface MovementRow {
  id: string;
  kind: Movement['kind'];
  qty: number;
  lot_code: string | null;
  expires_on: string | null;
  reason: string | null;
  source: string | null;
  volunteer: string | null;
  slip_id: string | null;
  at: string;
}

/** Free text stored beside a code in one column: "code|text" (the ledger has one column each). */
const SEP = '|';
function joinCode(code: string, text: string | null): string {
  return text ? `${code}${SEP}${text}` : code;
}
function splitCode(value: string | null): [string | null, string | null] {
  if (value === null) return [null, null];
  const at = value.indexOf(SEP);
  return at < 0 ? [value, null] : [value.slice(0, at), value.slice(at + 1)];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The stock room: catalogue, receiving, adjustments, counts, the stock list and history.
 * Every write runs in one immediate transaction and carries the volunteer who made it.
 */
export class InventoryService {
  constructor(private readonly ctx: CoreContext) {
    registerTextFunctions(ctx.db);
  }

  private siteLanguage(): LocaleCode {
    return requireSite(this.ctx).settings.siteLanguage;
  }

  categories(language: LocaleCode): { id: string; name: string; icon: string | null }[] {
    return this.ctx.db
      .prepare(
        `SELECT c.id, COALESCE(n.name, f.name, c.id) AS name, c.icon FROM categories c
         LEFT JOIN category_names n ON n.category_id = c.id AND n.locale = ?
         LEFT JOIN category_names f ON f.category_id = c.id AND f.locale = ?
         ORDER BY c.sort, name`,
      )
      .all(language, this.siteLanguage()) as { id: string; name: string; icon: string | null }[];
  }

  private requireItem(itemId: string): { id: string } {
    const row = this.ctx.db.prepare('SELECT id FROM items WHERE id = ?').get(itemId) as { id: string } | undefined;
    if (!row) throw new AppError('inventory.item_not_found', `no item ${itemId}`, { itemId });
    return row;
  }

  private displayName(itemId: string, language: LocaleCode): { name: string; untranslated: boolean } {
    return itemName(this.ctx, itemId, language, this.siteLanguage());
  }

  private lotsOf(itemIds: string[]): Map<string, LotStock[]> {
    const out = new Map<string, LotStock[]>();
    if (itemIds.length === 0) return out;
    const rows = this.ctx.db
      .prepare(
        `SELECT o.item_id AS itemId, o.lot_id AS lotId, l.code, l.expires_on AS expiresOn, o.qty
         FROM on_hand o LEFT JOIN lots l ON l.id = o.lot_id
         WHERE o.item_id IN (SELECT value FROM json_each(?)) AND o.qty <> 0
         ORDER BY ${fefoOrder()}`,
      )
      .all(JSON.stringify(itemIds)) as (LotStock & { itemId: string; lotId: string })[];
    for (const r of rows) {
      const list = out.get(r.itemId) ?? [];
      list.push({ lotId: r.lotId === '' ? null : r.lotId, code: r.code, expiresOn: r.expiresOn, qty: r.qty });
      out.set(r.itemId, list);
    }
    return out;
  }

  private tagsOf(itemIds: string[]): Map<string, Tag[]> {
    const out = new Map<string, Tag[]>();
    if (itemIds.length === 0) return out;
    const rows = this.ctx.db
      .prepare('SELECT item_id AS itemId, tag FROM item_tags WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY tag')
      .all(JSON.stringify(itemIds)) as { itemId: string; tag: Tag }[];
    for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.tag]);
    return out;
  }

  item(itemId: string, language: LocaleCode): ItemDetail {
    const row = this.ctx.db
      .prepare('SELECT id, category_id, unit, icon, limit_qty, limit_days, low_stock FROM items WHERE id = ?')
      .get(itemId) as
      | { id: string; category_id: string | null; unit: Unit; icon: string | null; limit_qty: number | null; limit_days: number | null; low_stock: number }
      | undefined;
    if (!row) throw new AppError('inventory.item_not_found', `no item ${itemId}`, { itemId });
    const names = Object.fromEntries(
      (this.ctx.db.prepare('SELECT locale, name FROM item_names WHERE item_id = ?').all(itemId) as { locale: string; name: string }[]).map((n) => [
        n.locale,
        n.name,
      ]),
    );
    const barcodes = (this.ctx.db.prepare('SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY barcode').all(itemId) as { barcode: string }[]).map(
      (b) => b.barcode,
    );
    const a = availability(this.ctx, itemId);
    return {
      id: row.id,
      ...this.displayName(itemId, language),
      names,
      categoryId: row.category_id,
      unit: row.unit,
      icon: row.icon,
      barcodes,
      tags: this.tagsOf([itemId]).get(itemId) ?? [],
      limit: row.limit_qty !== null ? { qty: row.limit_qty, days: row.limit_days ?? 7 } : null,
      lowStock: row.low_stock,
      onHand: a.onHand,
      reserved: a.reserved,
      available: a.available,
      lots: this.lotsOf([itemId]).get(itemId) ?? [],
    };
  }

  /** Which item, if any, already holds this barcode (in either UPC-A or EAN-13 spelling). */
  private barcodeOwner(barcode: string): string | null {
    const row = this.ctx.db
      .prepare('SELECT item_id FROM item_barcodes WHERE barcode IN (SELECT value FROM json_each(?)) LIMIT 1')
      .get(JSON.stringify(barcodeVariants(barcode))) as { item_id: string } | undefined;
    return row?.item_id ?? null;
  }

  /**
   * The checks a catalogue entry must pass, shared by the form and the CSV import. Returns the
   * first problem as an error (not thrown) so the import can report it against a line.
   */
  private checkDraft(draft: ParsedDraft, siteLanguage: LocaleCode, claimed: Map<string, string> = new Map()): AppError | null {
    if (!Unit.safeParse(draft.unit).success) return new AppError('inventory.unknown_unit', `unknown unit ${draft.unit}`, { unit: draft.unit });
    const siteName = draft.names[siteLanguage]?.trim() ?? '';
    if (siteName === '') return new AppError('inventory.name_required', 'an item needs a name in the site language', { language: siteLanguage });
    if (draft.categoryId !== null && !this.ctx.db.prepare('SELECT 1 FROM categories WHERE id = ?').get(draft.categoryId)) {
      return new AppError('inventory.category_not_found', `no category ${draft.categoryId}`, { category: draft.categoryId });
    }
    const seen = new Set<string>();
    for (const code of draft.barcodes) {
      if (!isValidBarcode(code)) return new AppError('inventory.bad_barcode', `bad barcode ${code}`, { barcode: code });
      const variants = barcodeVariants(code);
      if (variants.some((v) => seen.has(v))) return new AppError('inventory.duplicate_barcode', `barcode ${code} twice`, { barcode: code, item: siteName });
      for (const v of variants) seen.add(v);
      const owner = this.barcodeOwner(code) ?? variants.map((v) => claimed.get(v)).find((x) => x !== undefined) ?? null;
      if (owner !== null && owner !== draft.id) {
        const other = this.ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(owner) ? this.displayName(owner, siteLanguage).name : owner;
        return new AppError('inventory.duplicate_barcode', `barcode ${code} belongs to ${owner}`, { barcode: code, item: other });
      }
    }
    return null;
  }

  /** Writes one checked draft. Call inside a transaction. Returns whether it created the item. */
  private writeDraft(draft: ParsedDraft & { id: string }): boolean {
    const unit = Unit.parse(draft.unit);
    const site = requireSite(this.ctx);
    const at = nowIso(this.ctx);
    const exists = this.ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(draft.id) !== undefined;
    if (exists) {
      this.ctx.db
        .prepare(
          `UPDATE items SET category_id = ?, unit = ?, icon = ?, limit_qty = ?, limit_days = ?, low_stock = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(draft.categoryId, unit, draft.icon, draft.limit?.qty ?? null, draft.limit?.days ?? null, draft.lowStock, at, draft.id);
    } else {
      this.ctx.db
        .prepare(
          `INSERT INTO items (id, origin_site, category_id, unit, icon, limit_qty, limit_days, low_stock, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(draft.id, site.id, draft.categoryId, unit, draft.icon, draft.limit?.qty ?? null, draft.limit?.days ?? null, draft.lowStock, at, at);
    }
    this.ctx.db.prepare('DELETE FROM item_names WHERE item_id = ?').run(draft.id);
    const name = this.ctx.db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
    for (const [locale, value] of Object.entries(draft.names)) {
      if (value && value.trim() !== '') name.run(draft.id, locale, value.trim());
    }
    this.ctx.db.prepare('DELETE FROM item_barcodes WHERE item_id = ?').run(draft.id);
    const barcode = this.ctx.db.prepare('INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)');
    for (const code of draft.barcodes) barcode.run(code, draft.id);
    this.ctx.db.prepare('DELETE FROM item_tags WHERE item_id = ?').run(draft.id);
    const tag = this.ctx.db.prepare('INSERT INTO item_tags (item_id, tag) VALUES (?, ?)');
    for (const t of new Set(draft.tags)) tag.run(draft.id, t);
    return !exists;
  }

  /**
   * Creates or updates an item. The client picks the id of a new item, so a double-tapped
   * "Save" writes the same item twice rather than making two.
   */
  saveItem(draft: ParsedDraft, language: LocaleCode): ItemDetail {
    const site = requireSite(this.ctx);
    const id = draft.id ?? this.ctx.ids.uuid();
    this.ctx.db
      .transaction(() => {
        const problem = this.checkDraft({ ...draft, id }, site.settings.siteLanguage);
        if (problem) throw problem;
        this.writeDraft({ ...draft, id });
      })
      .immediate();
    return this.item(id, language);
  }

  scan(barcode: string, language: LocaleCode): ItemDetail {
    if (!isValidBarcode(barcode)) throw new AppError('inventory.bad_barcode', `bad barcode ${barcode}`, { barcode });
    const owner = this.barcodeOwner(barcode);
    if (!owner) throw new AppError('inventory.unknown_barcode', `no item with barcode ${barcode}`, { barcode });
    return this.item(owner, language);
  }

  search(query: string, language: LocaleCode, limit: number): StockRow[] {
    return this.stock({
      language,
      search: query,
      categoryId: null,
      tag: null,
      view: 'all',
      withinDays: 7,
      sort: 'name',
      limit,
      offset: 0,
    }).rows;
  }

  /**
   * The stock list: one row per item with on hand, reserved and available, filtered by search
   * (name in any language, or barcode), category and tag, in the all / low-stock / expiring
   * views. Reads maintained tables only; the ledger is never summed.
   */
  stock(q: ParsedStockQuery): { rows: StockRow[]; total: number } {
    const todayDay = today(this.ctx);
    const nowMs = this.ctx.clock.now().getTime();
    const params = {
      lang: q.language,
      site: this.siteLanguage(),
      today: todayDay,
      category: q.categoryId,
      tag: q.tag,
      search: q.search,
      pattern: containsPattern(q.search),
      barcodes: JSON.stringify(/^\d{8,13}$/.test(q.search) ? barcodeVariants(q.search) : []),
      matches: '[]',
      until: isoDay(nowMs + q.withinDays * 86_400_000),
      limit: q.limit,
      offset: q.offset,
    };
    const view =
      q.view === 'low'
        ? `AND i.low_stock > 0 AND ${AVAILABLE_SQL} <= i.low_stock`
        : q.view === 'expiring'
          ? 'AND st.next_expiry IS NOT NULL AND st.next_expiry <= @until'
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
                ${AVAILABLE_SQL} AS available, st.next_expiry
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
    const categories = new Map(this.categories(q.language).map((c) => [c.id, c.name]));
    const ids = rows.map((r) => r.id);
    const lots = this.lotsOf(ids);
    const tags = this.tagsOf(ids);
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
        onHand: r.on_hand,
        reserved: r.reserved,
        available: r.available,
        nextExpiry: r.next_expiry,
        lots: lots.get(r.id) ?? [],
      })),
    };
  }

  private onHand(itemId: string, lotId: string | null): number {
    return (
      (this.ctx.db.prepare('SELECT qty FROM on_hand WHERE item_id = ? AND lot_id = ?').get(itemId, lotId ?? '') as { qty: number } | undefined)?.qty ?? 0
    );
  }

  /** An earlier movement with this request id: the same submission again, or a misuse. */
  private replay(requestId: string, itemId: string, kind: string, qty: number): { id: string; lot_id: string | null } | null {
    const prior = this.ctx.db.prepare('SELECT id, item_id, lot_id, kind, qty FROM movements WHERE request_id = ?').get(requestId) as
      | { id: string; item_id: string; lot_id: string | null; kind: string; qty: number }
      | undefined;
    if (!prior) return null;
    if (prior.item_id !== itemId || prior.kind !== kind || prior.qty !== qty) {
      throw new AppError('inventory.request_reused', 'this request id was used for a different movement');
    }
    return prior;
  }

  receive(input: ReceiveInput, volunteer: string | null): { movementId: string; lotId: string | null; onHand: number } {
    return this.ctx.db
      .transaction(() => {
        const prior = this.replay(input.requestId, input.itemId, 'receive', input.qty);
        if (prior) return { movementId: prior.id, lotId: prior.lot_id, onHand: onHandOf(this.ctx, input.itemId) };
        this.requireItem(input.itemId);
        if (input.qty < 1 || input.qty > MAX_QTY) throw new AppError('inventory.bad_qty', 'quantity out of range', { max: MAX_QTY });
        checkReceiptExtras(this.ctx, input);
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
          qty: input.qty,
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
        this.requireItem(input.itemId);
        if (input.qty === 0 || Math.abs(input.qty) > MAX_QTY || (input.reason !== 'count_correction' && input.qty > 0)) {
          throw new AppError('inventory.bad_qty', 'this adjustment must take stock away', { reason: input.reason });
        }
        if (input.lotId !== null && !this.ctx.db.prepare('SELECT 1 FROM lots WHERE id = ? AND item_id = ?').get(input.lotId, input.itemId)) {
          throw new AppError('inventory.lot_not_found', `no lot ${input.lotId}`, { lotId: input.lotId });
        }
        const current = this.onHand(input.itemId, input.lotId);
        const correction = input.reason === 'count_correction';
        if (!correction && current + input.qty < 0) {
          throw new AppError('inventory.not_enough_stock', 'cannot take away more than is on hand', { onHand: current });
        }
        const movementId = recordMovement(this.ctx, {
          itemId: input.itemId,
          lotId: input.lotId,
          kind: 'adjust',
          qty: input.qty,
          reason: joinCode(input.reason, input.note),
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
    this.requireItem(itemId);
    const rows = this.ctx.db
      .prepare(
        `SELECT m.id, m.kind, m.qty, l.code AS lot_code, l.expires_on, m.reason, m.source, m.volunteer, m.slip_id, m.at
         FROM movements m LEFT JOIN lots l ON l.id = m.lot_id
         WHERE m.item_id = @item
           AND (@before IS NULL OR (m.at, m.rowid) < (SELECT at, rowid FROM movements WHERE id = @before))
         ORDER BY m.at DESC, m.rowid DESC LIMIT @limit`,
      )
      .all({ item: itemId, before, limit }) as MovementRow[];
    return rows.map((r) => {
      const [reason, note] = splitCode(r.reason);
      const [sourceCode, sourceText] = splitCode(r.source);
      // Older rows (demo, other features) may hold a plain donor name without a source kind.
      const known = sourceCode !== null && (SOURCES as readonly string[]).includes(sourceCode);
      return {
        id: r.id,
        kind: r.kind,
        qty: r.qty,
        lotCode: r.lot_code,
        expiresOn: r.expires_on,
        reason,
        note,
        source: known ? sourceCode : null,
        sourceName: known ? sourceText : r.source,
        volunteer: r.volunteer,
        slipId: r.slip_id,
        at: r.at,
      };
    });
  }

  /** Expected (on hand) vs counted, per line; lines naming the same shelf twice keep the last. */
  countReview(language: LocaleCode, lines: CountLineInput[]): Difference[] {
    const merged = new Map<string, CountLineInput>();
    for (const l of lines) merged.set(`${l.itemId}\u0000${l.lotId ?? ''}`, l);
    const out: Difference[] = [];
    for (const l of merged.values()) {
      this.requireItem(l.itemId);
      const lot =
        l.lotId === null
          ? null
          : (this.ctx.db.prepare('SELECT code FROM lots WHERE id = ? AND item_id = ?').get(l.lotId, l.itemId) as { code: string | null } | undefined);
      if (l.lotId !== null && !lot) throw new AppError('inventory.lot_not_found', `no lot ${l.lotId}`, { lotId: l.lotId });
      const expected = this.onHand(l.itemId, l.lotId);
      out.push({
        itemId: l.itemId,
        lotId: l.lotId,
        name: this.displayName(l.itemId, language).name,
        lotCode: lot?.code ?? null,
        expected,
        counted: l.counted,
        difference: l.counted - expected,
      });
    }
    return out;
  }

  /**
   * Confirms a count once: the count and its lines are stored, and each difference becomes a
   * count-correction adjustment, all in one transaction. The same request id again returns
   * the first result and records nothing more.
   */
  countConfirm(
    requestId: string,
    language: LocaleCode,
    lines: CountLineInput[],
    note: string | null,
    volunteer: string | null,
  ): { countId: string; adjustments: number; differences: Difference[] } {
    return this.ctx.db
      .transaction(() => {
        const prior = this.ctx.db.prepare('SELECT id FROM stock_counts WHERE request_id = ?').get(requestId) as { id: string } | undefined;
        if (prior) {
          const stored = this.ctx.db
            .prepare('SELECT item_id AS itemId, lot_id AS lotId, expected, counted FROM stock_count_lines WHERE count_id = ?')
            .all(prior.id) as { itemId: string; lotId: string; expected: number; counted: number }[];
          const differences = stored.map((s) => {
            const lot = s.lotId === '' ? null : (this.ctx.db.prepare('SELECT code FROM lots WHERE id = ?').get(s.lotId) as { code: string | null });
            return {
              itemId: s.itemId,
              lotId: s.lotId === '' ? null : s.lotId,
              name: this.displayName(s.itemId, language).name,
              lotCode: lot?.code ?? null,
              expected: s.expected,
              counted: s.counted,
              difference: s.counted - s.expected,
            };
          });
          return { countId: prior.id, adjustments: differences.filter((d) => d.difference !== 0).length, differences };
        }
        const differences = this.countReview(language, lines);
        const countId = this.ctx.ids.uuid();
        this.ctx.db
          .prepare('INSERT INTO stock_counts (id, request_id, volunteer, note, at) VALUES (?, ?, ?, ?, ?)')
          .run(countId, requestId, volunteer, note, nowIso(this.ctx));
        const line = this.ctx.db.prepare('INSERT INTO stock_count_lines (count_id, item_id, lot_id, expected, counted) VALUES (?, ?, ?, ?, ?)');
        let adjustments = 0;
        for (const d of differences) {
          line.run(countId, d.itemId, d.lotId ?? '', d.expected, d.counted);
          if (d.difference === 0) continue;
          recordMovement(this.ctx, {
            itemId: d.itemId,
            lotId: d.lotId,
            kind: 'adjust',
            qty: d.difference,
            reason: joinCode('count_correction', note),
            volunteer,
            allowNegative: true,
          });
          adjustments += 1;
        }
        return { countId, adjustments, differences };
      })
      .immediate();
  }

  /** For the CSV import: checks and writes, sharing the form's rules. */
  draftProblem(draft: ParsedDraft & { id: string }, siteLanguage: LocaleCode, claimed: Map<string, string>): AppError | null {
    return this.checkDraft(draft, siteLanguage, claimed);
  }

  writeItem(draft: ParsedDraft & { id: string }): boolean {
    return this.writeDraft(draft);
  }
}
