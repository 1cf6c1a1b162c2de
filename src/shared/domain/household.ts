import { z } from 'zod';

const Count = z.number().int().min(0).max(50);

/**
 * People of one of the site's age bands (issue 16), when the site's bands are not the three the
 * older answers stand for. A band is named by its ages, so a later change of bands still reads it.
 */
export const BandCount = z.object({
  from: z.number().int().min(0).max(130),
  to: z.number().int().min(0).max(130).nullable(),
  count: Count,
});
export type BandCount = z.infer<typeof BandCount>;

/** Everything here is optional: a visitor says only what they want to say. */
export const Household = z.object({
  adults: Count.optional(),
  children: Count.optional(),
  seniors: Count.optional(),
  /** Counts in the site's own age bands; a band left out was not answered. */
  bands: z.array(BandCount).max(12).optional(),
});
export type Household = z.infer<typeof Household>;

/** Who is counted, as the form holds it (unset or null: the visitor did not say). */
export type HouseholdCounts = {
  adults?: number | null;
  children?: number | null;
  seniors?: number | null;
  bands?: readonly { count: number | null }[];
};

/** How many people a household is: what the visitor said, an unsaid group counting as none. */
export function householdSize(h: HouseholdCounts): number {
  return (h.adults ?? 0) + (h.children ?? 0) + (h.seniors ?? 0) + (h.bands ?? []).reduce((a, b) => a + (b.count ?? 0), 0);
}
