import { z } from 'zod';
import { channel } from '../channel';
import { Household } from '../../domain/household';
import { LocaleCode } from '../../domain/site';
import { SlipView } from '../../domain/slip';

export const CatalogItem = z.object({
  id: z.string(),
  name: z.string(),
  /** True when `name` fell back to another language: the UI marks it "not translated yet". */
  untranslated: z.boolean(),
  category: z.string().nullable(),
  unit: z.string(),
  icon: z.string().nullable(),
  available: z.number().int(),
  /** Most a household may ask for on one slip, or null for no limit. */
  limit: z.number().int().positive().nullable(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const IntakeRequest = z.object({
  /** Lets a double tap or a retried call create one slip, not two. */
  requestId: z.uuid(),
  language: LocaleCode,
  household: Household,
  needs: z
    .array(z.object({ itemId: z.string().min(1), qty: z.number().int().min(1).max(100) }))
    .max(100)
    .default([]),
});
export type IntakeRequest = z.input<typeof IntakeRequest>;

export const intakeChannels = {
  'intake.catalog': channel({
    input: z.object({ language: LocaleCode }),
    output: z.array(CatalogItem),
    access: 'public',
  }),
  'intake.submit': channel({ input: IntakeRequest, output: SlipView, access: 'public' }),
};
