import { z } from 'zod';
import { IsoDay } from '../inventory/catalogue';
import { AgeBand, LegacyAges } from './bands';
import { WeightUnit } from './weight';

export const Period = z.object({ from: IsoDay, to: IsoDay });
export type Period = z.infer<typeof Period>;

export const ReportSettings = z.object({
  ageBands: z.array(AgeBand).min(1).max(12),
  legacyAges: LegacyAges,
  weightUnit: WeightUnit,
});
export type ReportSettings = z.infer<typeof ReportSettings>;

const Count = z.number().int().min(0);
const Grams = z.number().int();

export const WeightLine = z.object({ key: z.string(), grams: Grams, units: z.number().int(), valueCents: Count });
export type WeightLine = z.infer<typeof WeightLine>;

/**
 * The monthly statistics report in the shape food banks ask. A count that depends on a question
 * the visitor may skip has its own `notAnswered` beside it: never folded into zero.
 */
export const Report = z.object({
  period: Period,
  households: z.object({
    /** Visits in the period (a household coming twice counts twice). */
    visits: Count,
    /** Households served, each once. An upper bound: a first visit without a slip to scan is a new household. */
    distinct: Count,
    distinctIsUpperBound: z.literal(true),
    /** Households whose first visit falls in the period. */
    new: Count,
    withChildren: Count,
    withChildrenNotAnswered: Count,
  }),
  /** People in the households served, by the site's age bands (each household's last visit in the period). */
  individuals: z.object({
    bands: z.array(z.object({ band: AgeBand, count: Count })),
    total: Count,
    /** Households that gave no size at all. */
    notAnswered: Count,
  }),
  distributionDays: Count,
  weight: z.object({
    unit: WeightUnit,
    distributedGrams: Grams,
    receivedGrams: Grams,
    distributedByCategory: z.array(WeightLine),
    receivedByCategory: z.array(WeightLine),
    receivedBySource: z.array(WeightLine),
    inKindValueCents: Count,
  }),
  volunteers: z.object({
    totalMinutes: Count,
    byVolunteer: z.array(z.object({ name: z.string(), minutes: Count, shifts: Count })),
  }),
  board: z.object({ needsMet: Count, offersMatched: Count }),
});
export type Report = z.infer<typeof Report>;

export const Charts = z.object({
  period: Period,
  unit: WeightUnit,
  visitsPerDay: z.array(z.object({ day: IsoDay, visits: Count })),
  weightPerDay: z.array(z.object({ day: IsoDay, inGrams: Grams, outGrams: Grams })),
  needsOffers: z.array(z.object({ category: z.string(), needs: Count, offers: Count })),
  households: z.array(z.object({ month: z.string(), new: Count, returning: Count })),
  stock: z.object({ itemId: z.string(), name: z.string(), points: z.array(z.object({ day: IsoDay, onHand: z.number().int() })) }).nullable(),
});
export type Charts = z.infer<typeof Charts>;

/** The same period a year before (29 February becomes 28 February). */
export function yearBefore(p: Period): Period {
  const back = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
    return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  };
  return { from: back(p.from), to: back(p.to) };
}
