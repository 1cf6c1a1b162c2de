import { z } from 'zod';
import { channel, type Role } from '../channel';
import { MessageParams } from '../params';
import { LocaleCode } from '../../domain/site';
import { AdjustReason, IsoDay, ItemDetail, ItemDraft, MAX_QTY, Movement, Source, StockRow, Tag } from '../../inventory/catalogue';
import { ReceiptExtras } from './month';

const STOCK: readonly Role[] = ['stock', 'coordinator'];

export const INVENTORY_ERRORS = [
  'inventory.item_not_found',
  'inventory.lot_not_found',
  'inventory.category_not_found',
  'inventory.bad_barcode',
  'inventory.duplicate_barcode',
  'inventory.unknown_barcode',
  'inventory.name_required',
  'inventory.bad_qty',
  'inventory.expiry_past',
  'inventory.not_enough_stock',
  'inventory.request_reused',
  'inventory.csv_malformed',
  'inventory.unknown_unit',
  'inventory.unknown_tag',
  'inventory.bad_number',
  'inventory.unknown_column',
] as const;

/** A client-made id per form submission: the same id twice records once. */
const RequestId = z.uuid();
/** Range checked in core: a negative or absurd quantity gets inventory.bad_qty, not a generic error. */
const Qty = z.number().int().min(-1e9).max(1e9);

export const StockQuery = z.object({
  language: LocaleCode,
  search: z.string().trim().max(80).default(''),
  categoryId: z.string().max(64).nullable().default(null),
  tag: Tag.nullable().default(null),
  /** 'elsewhere': items known only from other hubs (never stocked here), kept out of the others. */
  view: z.enum(['all', 'low', 'expiring', 'elsewhere']).default('all'),
  /** For the expiring view: lots expiring within this many days (from today). */
  withinDays: z.number().int().min(0).max(365).default(7),
  sort: z.enum(['name', 'on_hand', 'expiry']).default('name'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const CountLine = z.object({
  itemId: z.string().min(1).max(64),
  lotId: z.string().max(64).nullable(),
  counted: z.number().int().min(0).max(MAX_QTY),
});

export const CountDifference = z.object({
  itemId: z.string(),
  lotId: z.string().nullable(),
  name: z.string(),
  lotCode: z.string().nullable(),
  expected: z.number().int(),
  counted: z.number().int(),
  difference: z.number().int(),
});

export const CsvIssue = z.object({
  line: z.number().int(),
  code: z.string(),
  field: z.string().nullable(),
  params: MessageParams,
});

export const inventoryChannels = {
  'inventory.categories': channel({
    input: z.object({ language: LocaleCode }),
    output: z.array(z.object({ id: z.string(), name: z.string(), icon: z.string().nullable() })),
    access: STOCK,
  }),
  'inventory.item': channel({
    input: z.object({ itemId: z.string().min(1).max(64), language: LocaleCode }),
    output: ItemDetail,
    access: STOCK,
  }),
  /** Creates (no id) or updates an item: names, unit, barcodes, tags, limit, low-stock threshold. */
  'inventory.save_item': channel({ input: z.object({ item: ItemDraft, language: LocaleCode }), output: ItemDetail, access: STOCK }),
  /** What a scanned code is: the item, or inventory.unknown_barcode (offer to create it). */
  'inventory.scan': channel({
    input: z.object({ barcode: z.string().trim().min(1).max(40), language: LocaleCode }),
    output: ItemDetail,
    access: STOCK,
  }),
  /** Items whose name (any language) or barcode matches, for the receive screen. */
  'inventory.search': channel({
    input: z.object({ query: z.string().trim().min(1).max(80), language: LocaleCode, limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(StockRow),
    access: STOCK,
  }),
  'inventory.receive': channel({
    input: z.object({
      requestId: RequestId,
      itemId: z.string().min(1).max(64),
      /** Null for an item counted in kg or lb received by weight (weightG): core takes the units from the scale. */
      qty: Qty.nullable().default(null),
      lotCode: z.string().trim().max(40).nullable().default(null),
      expiresOn: IsoDay.nullable().default(null),
      source: Source,
      sourceName: z.string().trim().max(80).nullable().default(null),
      /** The volunteer saw the "expiry in the past" warning and still wants to record it. */
      acceptPastExpiry: z.boolean().default(false),
      ...ReceiptExtras.shape,
    }),
    output: z.object({ movementId: z.string(), lotId: z.string().nullable(), onHand: z.number().int() }),
    access: STOCK,
  }),
  'inventory.adjust': channel({
    input: z.object({
      requestId: RequestId,
      itemId: z.string().min(1).max(64),
      lotId: z.string().max(64).nullable().default(null),
      /** Signed: spoiled/damaged/expired take stock away; a count correction may go either way. */
      qty: Qty,
      reason: AdjustReason,
      note: z.string().trim().max(200).nullable().default(null),
    }),
    output: z.object({ movementId: z.string(), onHand: z.number().int() }),
    access: STOCK,
  }),
  'inventory.stock': channel({
    input: StockQuery,
    output: z.object({ rows: z.array(StockRow), total: z.number().int() }),
    access: STOCK,
  }),
  'inventory.history': channel({
    input: z.object({
      itemId: z.string().min(1).max(64),
      limit: z.number().int().min(1).max(200).default(50),
      before: z.string().max(64).nullable().default(null),
    }),
    output: z.array(Movement),
    access: STOCK,
  }),
  /** The differences a count would record, without recording anything. */
  'inventory.count_review': channel({
    input: z.object({ language: LocaleCode, lines: z.array(CountLine).min(1).max(5000) }),
    output: z.array(CountDifference),
    access: STOCK,
  }),
  /** Records a count once: every difference becomes a count-correction adjustment. */
  'inventory.count_confirm': channel({
    input: z.object({
      requestId: RequestId,
      language: LocaleCode,
      lines: z.array(CountLine).min(1).max(5000),
      note: z.string().trim().max(200).nullable().default(null),
    }),
    output: z.object({ countId: z.string(), adjustments: z.number().int(), differences: z.array(CountDifference) }),
    access: STOCK,
  }),
  'inventory.export_csv': channel({ input: z.object({}), output: z.object({ csv: z.string() }), access: STOCK }),
  'inventory.import_csv': channel({
    input: z.object({
      csv: z.string().max(5_000_000),
      /** check: report only; all: import only if every row is clean; valid_only: skip bad rows (the volunteer said so). */
      mode: z.enum(['check', 'all', 'valid_only']),
    }),
    output: z.object({
      issues: z.array(CsvIssue),
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      imported: z.boolean(),
    }),
    access: STOCK,
  }),
};
