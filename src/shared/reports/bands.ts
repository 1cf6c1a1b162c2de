import { z } from 'zod';

/** One age band, inclusive; `to: null` is open-ended ("65+"). */
export const AgeBand = z.object({ from: z.number().int().min(0).max(130), to: z.number().int().min(0).max(130).nullable() });
export type AgeBand = z.infer<typeof AgeBand>;

/** What the older intake answers (children, adults, seniors) stand for: the age each starts at. */
export const LegacyAges = z.object({
  children: z.number().int().min(0).max(130),
  adults: z.number().int().min(0).max(130),
  seniors: z.number().int().min(0).max(130),
});
export type LegacyAges = z.infer<typeof LegacyAges>;

export const DEFAULT_BANDS: readonly AgeBand[] = [
  { from: 0, to: 17 },
  { from: 18, to: 64 },
  { from: 65, to: null },
];
export const DEFAULT_LEGACY_AGES: LegacyAges = { children: 0, adults: 18, seniors: 65 };

export type BandProblem = { problem: 'gap' | 'overlap' | 'order'; age: number } | null;

/**
 * The one rule for a band configuration: sorted, from age 0, each starting the year after the
 * last ends, the last open-ended. A problem names the first age it is about ("no band holds 18").
 */
export function bandProblem(bands: readonly AgeBand[]): BandProblem {
  if (bands.length === 0) return { problem: 'gap', age: 0 };
  let next = 0;
  for (const [i, b] of bands.entries()) {
    if (b.to !== null && b.to < b.from) return { problem: 'order', age: b.from };
    if (b.from > next) return { problem: 'gap', age: next };
    if (b.from < next) return { problem: 'overlap', age: b.from };
    if (b.to === null) return i === bands.length - 1 ? null : { problem: 'overlap', age: bands[i + 1]?.from ?? b.from };
    next = b.to + 1;
  }
  return { problem: 'gap', age: next };
}

/** The band (index) an age falls in, for bands that passed bandProblem. */
export function bandOf(bands: readonly AgeBand[], age: number): number {
  const i = bands.findIndex((b) => age >= b.from && (b.to === null || age <= b.to));
  return i < 0 ? bands.length - 1 : i;
}

export function bandLabel(b: AgeBand): string {
  return b.to === null ? `${b.from}+` : `${b.from}–${b.to}`;
}

/** The older answers, in the order their ages start. */
const LEGACY_ORDER = ['children', 'adults', 'seniors'] as const;
export type LegacyField = (typeof LEGACY_ORDER)[number];

/**
 * What the intake asks: one count per site band. When the bands are exactly the three the older
 * answers stand for (the defaults), each band is that answer (same words, same columns, so
 * nothing recorded before changes meaning); otherwise each band is asked by its ages (field null).
 */
export function householdQuestions(bands: readonly AgeBand[], legacy: LegacyAges): { band: AgeBand; field: LegacyField | null }[] {
  const legacyShaped = bands.length === LEGACY_ORDER.length && LEGACY_ORDER.every((f, i) => bands[i]?.from === legacy[f]);
  return bands.map((band, i) => ({ band, field: legacyShaped ? (LEGACY_ORDER[i] ?? null) : null }));
}
