import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { AppError } from '../errors';
import { dayNumber, dayToIso } from '../../shared/time';
import type { NowServing, QueueMode } from '../../shared/api/channels/queue';
import type { SessionInfo } from '../site/sessions';
import { mayReadSlip } from '../slips/slip-holder';

/** The pace is read from this many recent calls; fewer than MIN_PACE and no estimate is given. */
const PACE_CALLS = 10;
const MIN_PACE = 3;
/** Calls further apart than this are a pause (lunch, a delivery), not the pace. */
const PAUSE_MS = 15 * 60_000;

interface TicketRow {
  number: number;
  called_at: string | null;
  calls: number;
  called_table: string | null;
}

/**
 * The day's "now serving" queue. Every slip issued today gets the next number, in the order
 * slips were issued: numbers are given lazily from the slips table, so intake writes nothing
 * extra. The call order is the number (sequential) or, in a lottery, a drawn order for everyone
 * already waiting when the queue opens; those who come later follow in arrival order.
 */
export class QueueService {
  constructor(private readonly ctx: CoreContext) {}

  private today(): { day: string; dayNo: number } {
    const dayNo = dayNumber(this.ctx.clock.now());
    return { day: dayToIso(dayNo), dayNo };
  }

  mode(): QueueMode {
    const row = this.ctx.db.prepare('SELECT mode FROM queue_settings WHERE id = 1').get() as { mode: QueueMode } | undefined;
    return row?.mode ?? 'sequential';
  }

  private isOpen(day: string): boolean {
    const row = this.ctx.db.prepare('SELECT opened_at FROM queue_days WHERE day = ?').get(day) as { opened_at: string | null } | undefined;
    return row?.opened_at != null;
  }

  /** Numbers today's slips that have none yet, in issue order. */
  private number(day: string, dayNo: number): void {
    const open = this.isOpen(day);
    const lottery = this.mode() === 'lottery';
    this.ctx.db
      .prepare(
        `INSERT INTO queue_tickets (slip_id, day, number, call_order)
         SELECT s.id, @day, n.base + ROW_NUMBER() OVER (ORDER BY s.issued_at, s.rowid),
                CASE WHEN @pending THEN NULL ELSE n.base + ROW_NUMBER() OVER (ORDER BY s.issued_at, s.rowid) + n.lift END
         FROM slips s, (SELECT COALESCE(MAX(number), 0) AS base, COALESCE(MAX(COALESCE(call_order, number)), 0) - COALESCE(MAX(number), 0) AS lift FROM queue_tickets WHERE day = @day) n
         WHERE s.issue_day = @dayNo AND NOT EXISTS (SELECT 1 FROM queue_tickets t WHERE t.slip_id = s.id)
         ORDER BY s.issued_at, s.rowid`,
      )
      // In a lottery, those who came before opening wait for the draw; after it, arrival order.
      .run({ day, dayNo, pending: lottery && !open ? 1 : 0 });
  }

  /** A slip's number for one who holds it (its QR digits) or a volunteer at pickup; to anyone else, as for no slip. */
  ticket(slipId: string, qrDigits: string | undefined, session: SessionInfo | null): { number: number } {
    const number = mayReadSlip(this.ctx, slipId, qrDigits, session) ? this.numberOf(slipId) : null;
    if (number === null) throw new AppError('queue.no_ticket', 'no queue number for this slip today');
    return { number };
  }

  /** The slip's number in today's queue, or null for a slip not issued today (it waits in no queue). */
  numberOf(slipId: string): number | null {
    const { day, dayNo } = this.today();
    this.ctx.db.transaction(() => this.number(day, dayNo))();
    const row = this.ctx.db.prepare('SELECT number FROM queue_tickets WHERE slip_id = ? AND day = ?').get(slipId, day) as
      { number: number } | undefined;
    return row?.number ?? null;
  }

  setMode(mode: QueueMode): NowServing {
    this.ctx.db
      .prepare('INSERT INTO queue_settings (id, mode) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET mode = excluded.mode')
      .run(mode);
    return this.nowServing();
  }

  open(): NowServing {
    const { day, dayNo } = this.today();
    this.ctx.db.transaction(() => {
      this.number(day, dayNo);
      this.ctx.db
        .prepare(
          'INSERT INTO queue_days (day, opened_at) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET opened_at = COALESCE(opened_at, excluded.opened_at)',
        )
        .run(day, nowIso(this.ctx));
      const pending = this.ctx.db
        .prepare('SELECT slip_id FROM queue_tickets WHERE day = ? AND call_order IS NULL ORDER BY number')
        .all(day) as { slip_id: string }[];
      if (pending.length === 0) return;
      // Fisher–Yates with the injected random source: fair, and repeatable in tests.
      const order = pending.map((_, i) => i);
      const rand = this.ctx.ids.random(order.length * 4);
      for (let i = order.length - 1; i > 0; i -= 1) {
        const r = ((rand[i * 4] ?? 0) << 24) | ((rand[i * 4 + 1] ?? 0) << 16) | ((rand[i * 4 + 2] ?? 0) << 8) | (rand[i * 4 + 3] ?? 0);
        const j = (r >>> 0) % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const base = (
        this.ctx.db.prepare('SELECT COALESCE(MAX(call_order), 0) AS m FROM queue_tickets WHERE day = ?').get(day) as { m: number }
      ).m;
      const set = this.ctx.db.prepare('UPDATE queue_tickets SET call_order = ? WHERE slip_id = ?');
      order.forEach((pos, i) => set.run(base + i + 1, pending[pos]!.slip_id));
    })();
    return this.nowServing();
  }

  /** Calls the next one waiting to `table` (this pickup table's number or name, or null). */
  callNext(table: string | null = null): NowServing {
    const { day, dayNo } = this.today();
    this.ctx.db.transaction(() => {
      this.number(day, dayNo);
      if (this.mode() === 'lottery' && !this.isOpen(day)) throw new AppError('queue.not_open', 'open the queue to draw the order first');
      // The next one waiting: not called yet, and the slip is neither picked up nor voided.
      const next = this.ctx.db
        .prepare(
          `SELECT t.slip_id FROM queue_tickets t JOIN slips s ON s.id = t.slip_id
           WHERE t.day = ? AND t.called_at IS NULL AND s.voided_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = t.slip_id)
           ORDER BY COALESCE(t.call_order, t.number) LIMIT 1`,
        )
        .get(day) as { slip_id: string } | undefined;
      if (!next) throw new AppError('queue.empty', 'no one is waiting');
      this.ctx.db
        .prepare('UPDATE queue_tickets SET called_at = ?, calls = calls + 1, called_table = ? WHERE slip_id = ?')
        .run(nowIso(this.ctx), table, next.slip_id);
    })();
    return this.nowServing();
  }

  /** Calls a number again, to `table`: the table calling now is where the household should go. */
  recall(number: number, table: string | null = null): NowServing {
    const { day } = this.today();
    const changed = this.ctx.db
      .prepare(
        'UPDATE queue_tickets SET called_at = ?, calls = calls + 1, called_table = ? WHERE day = ? AND number = ? AND called_at IS NOT NULL',
      )
      .run(nowIso(this.ctx), table, day, number).changes;
    if (changed === 0) throw new AppError('queue.not_called', 'this number has not been called yet');
    return this.nowServing();
  }

  nowServing(): NowServing {
    const { day, dayNo } = this.today();
    this.ctx.db.transaction(() => this.number(day, dayNo))();
    const called = this.ctx.db
      .prepare(
        'SELECT number, called_at, calls, called_table FROM queue_tickets WHERE day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, number DESC LIMIT ?',
      )
      .all(day, PACE_CALLS + 1) as TicketRow[];
    const waiting = (
      this.ctx.db
        .prepare(
          `SELECT COUNT(*) AS n FROM queue_tickets t JOIN slips s ON s.id = t.slip_id
           WHERE t.day = ? AND t.called_at IS NULL AND s.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = t.slip_id)`,
        )
        .get(day) as { n: number }
    ).n;
    const asCall = (r: TicketRow) => ({ number: r.number, calledAt: r.called_at!, calls: r.calls, table: r.called_table });
    return {
      day,
      mode: this.mode(),
      open: this.isOpen(day),
      current: called[0] ? asCall(called[0]) : null,
      recent: called.slice(1, 5).map(asCall),
      waiting,
      waitMinutes: estimate(
        called.map((r) => Date.parse(r.called_at!)),
        waiting,
      ),
    };
  }
}

/**
 * Minutes until the last one waiting is called, from the median gap between recent calls. Gaps
 * longer than a pause are left out; with too few gaps there is no honest estimate.
 */
export function estimate(callTimesNewestFirst: readonly number[], waiting: number): number | null {
  if (waiting === 0) return 0;
  const gaps: number[] = [];
  for (let i = 0; i + 1 < callTimesNewestFirst.length; i += 1) {
    const gap = callTimesNewestFirst[i]! - callTimesNewestFirst[i + 1]!;
    if (gap > 0 && gap <= PAUSE_MS) gaps.push(gap);
  }
  if (gaps.length < MIN_PACE - 1) return null;
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const median = gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return Math.max(1, Math.round((median * waiting) / 60_000));
}
