import { z } from 'zod';
import { channel, type Role } from '../channel';
import { LOCALE_CODES } from '../../locales';
import { WeightUnit } from '../../reports/weight';

const COORDINATOR: readonly Role[] = ['coordinator'];
const STOCK: readonly Role[] = ['stock', 'coordinator'];

export const WEIGHTS_ERRORS = ['weights.name_required', 'weights.built_in'] as const;

/** A category's names by locale; an empty name falls back (a built-in one to its translation). */
const Names = z.partialRecord(z.enum(LOCALE_CODES), z.string().trim().max(60));

export const WeightCategoryNames = z.object({ id: z.string(), key: z.string().nullable(), names: z.record(z.string(), z.string()) });

export const weightsChannels = {
  /** Every category with the coordinator's own names in every language, for the category editor. */
  'weights.categories': channel({ input: z.object({}), output: z.array(WeightCategoryNames), access: COORDINATOR }),
  /** The site's weight unit, for the receiving scale and the item editor. */
  'weights.unit': channel({ input: z.object({}), output: z.object({ unit: WeightUnit }), access: STOCK }),
  /**
   * Adds (id absent) or renames a weight category, or archives one of the site's own (a built-in
   * one cannot be archived: weights.built_in). A new one needs a name (weights.name_required).
   */
  'weights.save_category': channel({
    input: z.object({ id: z.string().min(1).max(64).nullable().default(null), names: Names, archived: z.boolean().default(false) }),
    output: z.object({ id: z.string() }),
    access: COORDINATOR,
  }),
};
