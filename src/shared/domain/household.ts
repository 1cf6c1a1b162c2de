import { z } from 'zod';

const Count = z.number().int().min(0).max(50);

/** Everything here is optional: a visitor says only what they want to say. */
export const Household = z.object({
  adults: Count.optional(),
  children: Count.optional(),
  seniors: Count.optional(),
});
export type Household = z.infer<typeof Household>;

export function householdSize(h: Household): number {
  return (h.adults ?? 0) + (h.children ?? 0) + (h.seniors ?? 0);
}
