import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { pickList } from './fefo';

export type MovementKind = 'receive' | 'distribute' | 'transfer_in' | 'transfer_out' | 'adjust';

export interface MovementInput {
  itemId: string;
  lotId: string | null;
  kind: MovementKind;
  /** Signed: positive adds stock, negative takes it away. */
  qty: number;
  reason?: string | null;
  /** Free text beside the reason (an adjustment's or a count's note). */
  note?: string | null;
  source?: string | null;
  volunteer?: string | null;
  slipId?: string | null;
  requestId?: string | null;
  /** Only a count correction may take a lot below zero. */
  allowNegative?: boolean;
  /** What the scale said for a receipt weighed on it; otherwise qty x the item's unit weight (see ledger_days). */
  weightG?: number | null;
  donorId?: string | null;
  /** In-kind value of a receipt, in the site currency's cents. */
  valueCents?: number | null;
}

/**
 * Appends one movement and updates the maintained on-hand row in the same statement group.
 * Callers run it inside their own transaction so a movement and what caused it land together.
 */
export function recordMovement(ctx: CoreContext, m: MovementInput): string {
  const lot = m.lotId ?? '';
  const current =
    (ctx.db.prepare('SELECT qty FROM on_hand WHERE item_id = ? AND lot_id = ?').get(m.itemId, lot) as { qty: number } | undefined)?.qty ??
    0;
  // Only taking stock away is refused: a receipt into a lot a count left below zero must
  // still be recorded (it moves the lot back towards what is really there).
  if (m.qty < 0 && current + m.qty < 0 && !m.allowNegative) {
    throw new AppError('intake.item_unavailable', `not enough stock of ${m.itemId}`, { itemId: m.itemId });
  }
  const id = ctx.ids.uuid();
  ctx.db
    .prepare(
      `INSERT INTO movements (id, item_id, lot_id, kind, qty, reason, note, source, volunteer, slip_id, request_id, at, weight_g, donor_id, value_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      m.itemId,
      m.lotId,
      m.kind,
      m.qty,
      m.reason ?? null,
      m.note ?? null,
      m.source ?? null,
      m.volunteer ?? null,
      m.slipId ?? null,
      m.requestId ?? null,
      nowIso(ctx),
      m.weightG ?? null,
      m.donorId ?? null,
      m.valueCents ?? null,
    );
  ctx.db
    .prepare(
      `INSERT INTO on_hand (item_id, lot_id, qty) VALUES (?, ?, ?)
       ON CONFLICT (item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty`,
    )
    .run(m.itemId, lot, m.qty);
  return id;
}

/**
 * Gives out up to `qty` of an item in FEFO order (see fefo.ts), the plan the pick list showed.
 * Returns how much was actually given.
 */
export function distributeFefo(ctx: CoreContext, itemId: string, qty: number, extra: { slipId: string; volunteer: string | null }): number {
  let given = 0;
  for (const lot of pickList(ctx, itemId, qty)) {
    recordMovement(ctx, { itemId, lotId: lot.lotId, kind: 'distribute', qty: -lot.qty, slipId: extra.slipId, volunteer: extra.volunteer });
    given += lot.qty;
  }
  return given;
}

/** A donor's name stored beside the source kind in one column: "code|text". */
const SEP = '|';
export function joinCode(code: string, text: string | null): string {
  return text ? `${code}${SEP}${text}` : code;
}
export function splitCode(value: string | null): [string | null, string | null] {
  if (value === null) return [null, null];
  const at = value.indexOf(SEP);
  return at < 0 ? [value, null] : [value.slice(0, at), value.slice(at + 1)];
}
