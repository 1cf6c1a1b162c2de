import { AppError } from '../errors';
import type { Period } from '../../shared/reports/report';
import { DAY_MS } from '../../shared/time';

/**
 * The longest period one report reads: ten years. Also how far back history is kept for them
 * (core/retention): what ended before that is read by no report and no screen.
 */
export const REPORT_HORIZON_DAYS = 3660;
const MAX_DAYS = REPORT_HORIZON_DAYS;

export interface Bounds {
  from: string;
  to: string;
  /** Instants [start, end): the first moment of `from`, the first moment after `to`. */
  start: string;
  end: string;
  days: number;
}

/** A period as instants, refused (naming the field) when it ends before it starts or is too long. */
export function bounds(p: Period): Bounds {
  const a = Date.parse(`${p.from}T00:00:00.000Z`);
  const b = Date.parse(`${p.to}T00:00:00.000Z`) + DAY_MS;
  if (b <= a) throw new AppError('month.bad_period', 'the period ends before it starts', { field: 'to' });
  const days = Math.round((b - a) / DAY_MS);
  if (days > MAX_DAYS) throw new AppError('month.period_too_long', 'period longer than ten years', { max: MAX_DAYS });
  return { from: p.from, to: p.to, start: new Date(a).toISOString(), end: new Date(b).toISOString(), days };
}

export function dayList(b: Bounds): string[] {
  const out: string[] = [];
  const a = Date.parse(b.start);
  for (let i = 0; i < b.days; i++) out.push(new Date(a + i * DAY_MS).toISOString().slice(0, 10));
  return out;
}
