import { z } from 'zod';
import { channel, type Role } from '../channel';
import { LocaleCode } from '../../domain/site';
import { Currency, Period } from '../../reports/report';
import { WeightUnit } from '../../reports/weight';

const COORDINATOR: readonly Role[] = ['coordinator'];
const STOCK: readonly Role[] = ['stock', 'coordinator'];
const Id = z.string().min(1).max(64);

/** donors.not_found is month.donor_not_found (the receipt extras' code): one code for one case. */
export const DONORS_ERRORS = ['donors.no_receipts'] as const;

export const DONOR_KINDS = ['organisation', 'person'] as const;
export const DonorKind = z.enum(DONOR_KINDS);

/** A donor as the stock room sees it: who, never how to reach them. */
export const DonorSummary = z.object({ id: z.string(), kind: DonorKind, name: z.string(), language: LocaleCode });
export type DonorSummary = z.infer<typeof DonorSummary>;

/** With contact details: the coordinator's view only, like a household's contact. */
export const Donor = DonorSummary.extend({ contact: z.string().nullable() });
export type Donor = z.infer<typeof Donor>;

export const DonorDraft = z.object({
  /** The client picks a new donor's id, so a double-tapped Save writes one donor, not two. */
  id: Id,
  kind: DonorKind,
  name: z.string().trim().min(1).max(120),
  contact: z.string().trim().max(200).nullable().default(null),
  language: LocaleCode,
});

export const DonorReceiptLine = z.object({
  day: z.string(),
  name: z.string(),
  qty: z.number().int(),
  unit: z.string(),
  grams: z.number().int(),
  valueCents: z.number().int().nullable(),
});

/** What a donor is given for their records: what, how much it weighed, its value, when, which hub. */
export const DonorReceipt = z.object({
  hub: z.string(),
  donor: DonorSummary,
  period: Period,
  issuedOn: z.string(),
  unit: WeightUnit,
  /** What the values are counted in; null: plain amounts. */
  currency: Currency.nullable(),
  lines: z.array(DonorReceiptLine),
  totalGrams: z.number().int(),
  totalValueCents: z.number().int(),
});
export type DonorReceipt = z.infer<typeof DonorReceipt>;

export const donorsChannels = {
  /** Donors to pick at receiving (no contact details). */
  'donors.list': channel({ input: z.object({}), output: z.array(DonorSummary), access: STOCK }),
  /** What in-kind values are counted in (the Month settings' currency; null: plain amounts), for the receiving form. */
  'donors.currency': channel({ input: z.object({}), output: z.object({ currency: Currency.nullable() }), access: STOCK }),
  /** Donors with their contact details, for the coordinator's donor list. */
  'donors.contacts': channel({ input: z.object({}), output: z.array(Donor), access: COORDINATOR }),
  'donors.save': channel({ input: DonorDraft, output: Donor, access: COORDINATOR }),
  /**
   * Takes a donor off the list: no longer chosen at receiving, no receipt; their contact is
   * forgotten, and a person's name too. What they gave stays in the ledger (as from a donor).
   */
  'donors.remove': channel({ input: z.object({ id: Id }), output: z.object({ id: z.string() }), access: COORDINATOR }),
  /** A donor's receipt for a period, items named in the donor's language; none given: donors.no_receipts. */
  'donors.receipt': channel({ input: Period.extend({ donorId: Id }), output: DonorReceipt, access: COORDINATOR }),
};
