import { z } from 'zod';

const Count = z.number().int().min(0).max(50);

/** Everything here is optional: a visitor says only what they want to say. */
export const Household = z.object({
  adults: Count.optional(),
  children: Count.optional(),
  seniors: Count.optional(),
});
export type Household = z.infer<typeof Household>;

/** Who is counted, as the form holds it (unset or null: the visitor did not say). */
export type HouseholdCounts = { [K in keyof Household]?: number | null };

/** How many people a household is: what the visitor said, an unsaid group counting as none. */
export function householdSize(h: HouseholdCounts): number {
  return (h.adults ?? 0) + (h.children ?? 0) + (h.seniors ?? 0);
}
