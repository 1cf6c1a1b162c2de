import type { z } from 'zod';
import type { CountDifference } from '../../shared/api/channels/inventory';
import type { LocaleCode } from '../../shared/locales';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { recordMovement } from './ledger';
import { displayName, onHandAt, requireItem } from './lots';

type Difference = z.output<typeof CountDifference>;

export interface CountLineInput {
  itemId: string;
  lotId: string | null;
  counted: number;
}

/** Stock counts: what the shelves should hold against what a volunteer counted, and the corrections. */
export class CountService {
  constructor(private readonly ctx: CoreContext) {}

  /** Expected (on hand) vs counted, per line; lines naming the same shelf twice keep the last. */
  countReview(language: LocaleCode, lines: CountLineInput[]): Difference[] {
    const merged = new Map<string, CountLineInput>();
    for (const l of lines) merged.set(`${l.itemId}\u0000${l.lotId ?? ''}`, l);
    const out: Difference[] = [];
    for (const l of merged.values()) {
      requireItem(this.ctx, l.itemId);
      const lot =
        l.lotId === null
          ? null
          : (this.ctx.db.prepare('SELECT code FROM lots WHERE id = ? AND item_id = ?').get(l.lotId, l.itemId) as
              { code: string | null } | undefined);
      if (l.lotId !== null && !lot) throw new AppError('inventory.lot_not_found', `no lot ${l.lotId}`, { lotId: l.lotId });
      const expected = onHandAt(this.ctx, l.itemId, l.lotId);
      out.push({
        itemId: l.itemId,
        lotId: l.lotId,
        name: displayName(this.ctx, l.itemId, language).name,
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
            const lot =
              s.lotId === '' ? null : (this.ctx.db.prepare('SELECT code FROM lots WHERE id = ?').get(s.lotId) as { code: string | null });
            return {
              itemId: s.itemId,
              lotId: s.lotId === '' ? null : s.lotId,
              name: displayName(this.ctx, s.itemId, language).name,
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
        const line = this.ctx.db.prepare(
          'INSERT INTO stock_count_lines (count_id, item_id, lot_id, expected, counted) VALUES (?, ?, ?, ?, ?)',
        );
        let adjustments = 0;
        for (const d of differences) {
          line.run(countId, d.itemId, d.lotId ?? '', d.expected, d.counted);
          if (d.difference === 0) continue;
          recordMovement(this.ctx, {
            itemId: d.itemId,
            lotId: d.lotId,
            kind: 'adjust',
            qty: d.difference,
            reason: 'count_correction',
            note,
            volunteer,
            allowNegative: true,
          });
          adjustments += 1;
        }
        return { countId, adjustments, differences };
      })
      .immediate();
  }
}
