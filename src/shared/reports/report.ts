import { z } from 'zod';
import { IsoDay } from '../inventory/catalogue';
import { AgeBand, LegacyAges } from './bands';
import { WeightUnit } from './weight';
import { LOCALE_CODES } from '../locales';

export const Period = z.object({ from: IsoDay, to: IsoDay });
export type Period = z.infer<typeof Period>;

/** An ISO 4217 code (USD, CAD, EUR…): what in-kind values are counted in. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine((c) => Intl.supportedValuesOf('currency').includes(c), { message: 'not a currency' });
export type Currency = z.infer<typeof Currency>;

export const ReportSettings = z.object({
  ageBands: z.array(AgeBand).min(1).max(12),
  legacyAges: LegacyAges,
  weightUnit: WeightUnit,
  /**
   * The currency of in-kind values (donor receipts); null: plain amounts, no currency named. Left
   * out of a save, the stored one is kept (the age bands' save does not touch it).
   */
  currency: Currency.nullable().optional(),
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
    /** Of the households served, those that received TEFAP food (a TEFAP record in the period); 0 with the mode off. */
    tefap: Count,
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

/** Programmes a TEFAP household may qualify through categorically (the state decides which count). */
export const TEFAP_PROGRAMS = ['snap', 'tanf', 'ssi', 'medicaid', 'wic', 'other'] as const;

/**
 * The declaration in other languages, as the state gives it (many give English and Spanish, some
 * more): by language, an empty text meaning none.
 */
export const TefapTranslations = z.partialRecord(z.enum(LOCALE_CODES), z.string().trim().max(4000));
export type TefapTranslations = z.infer<typeof TefapTranslations>;

/**
 * TEFAP mode (7 CFR 251.10), opt-in per site: the self-declaration text the site's state gives
 * (and, where the state gives it, in other languages) and how long records are kept before they
 * are forgotten.
 */
export const TefapSettings = z.object({
  enabled: z.boolean(),
  declaration: z.string().trim().max(4000),
  translations: TefapTranslations,
  retentionDays: z.number().int().min(30).max(3650),
});
export type TefapSettings = z.infer<typeof TefapSettings>;

/**
 * The declaration a visitor reads and signs: the state's text in the language they chose when
 * the site entered one, else the site's own text. The intake shows it and core records it by
 * this one rule, so the record holds the very words the visitor was shown.
 */
export function declarationFor(tefap: { declaration: string; translations: TefapTranslations }, language: string): string {
  const translated = (tefap.translations as Partial<Record<string, string>>)[language];
  return translated !== undefined && translated !== '' ? translated : tefap.declaration;
}

/** A finger signature: an SVG path of moves and lines in a 600 x 200 box, nothing else. */
export const Signature = z
  .string()
  .max(40000)
  .regex(/^[ML\d. ]+$/);

/**
 * Exactly what TEFAP asks: the name of the person receiving food, an address to the extent
 * practicable, and the basis of eligibility (household size is the household's answer). Never
 * ID, never status, never proof: there is no field for them.
 */
/** Why a household may receive TEFAP food: its own declaration of income, or another programme. */
export const TefapBasis = z.enum(['income', 'categorical']);

export const TefapAnswer = z.object({
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().max(300).optional(),
  basis: TefapBasis,
  program: z.enum(TEFAP_PROGRAMS).optional(),
  signature: Signature.optional(),
});
export type TefapAnswer = z.infer<typeof TefapAnswer>;
