import { z } from 'zod';
import { ANY_VOLUNTEER, channel } from '../channel';
import { Household } from '../../domain/household';
import { LocaleCode } from '../../domain/site';
import { SlipView } from '../../domain/slip';
import { AgeBand } from '../../reports/bands';
import { TefapAnswer, TefapTranslations } from '../../reports/report';

export const CatalogItem = z.object({
  id: z.string(),
  name: z.string(),
  /** True when `name` fell back to another language: the UI marks it "not translated yet". */
  untranslated: z.boolean(),
  category: z.string().nullable(),
  /** The category's icon as stored (an emoji in the demo catalogue); the kiosk maps it to an SVG. */
  categoryIcon: z.string().nullable(),
  unit: z.string(),
  icon: z.string().nullable(),
  available: z.number().int(),
  /**
   * Most this household may ask for now, or null for no limit: the item's limit minus what the
   * household's slips in the limit period already hold (for a returning visitor).
   */
  limit: z.number().int().min(0).nullable(),
  /** The item's own limit and its period, so the screen can say "1 every 7 days". */
  limitQty: z.number().int().positive().nullable(),
  limitDays: z.number().int().positive().nullable(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/**
 * Other needs a hub can help with beyond the pantry shelf: stored for the matching board. Keys
 * the board also knows (ride, translation, childcare, clothing, furniture, other) are spelled as
 * the board spells them, so a need and an offer of the same kind meet there.
 */
export const NEED_CATEGORIES = [
  'diapers',
  'formula',
  'hygiene',
  'pet_food',
  'clothing',
  'ride',
  'housing',
  'translation',
  'childcare',
  'furniture',
  'other',
] as const;
export const NeedCategory = z.enum(NEED_CATEGORIES);

/** What visitors can offer: skills, time, goods. */
export const OFFER_CATEGORIES = ['cooking', 'ride', 'translation', 'bike_repair', 'childcare', 'repairs', 'goods', 'other'] as const;
export const OfferCategory = z.enum(OFFER_CATEGORIES);

/** When an offer can happen; stored as these keys, comma-separated, in needs_offers.availability. */
export const AVAILABILITY = ['mornings', 'afternoons', 'evenings', 'weekends'] as const;
export const Availability = z.enum(AVAILABILITY);

export const HOUSEHOLD_FIELDS = ['adults', 'children', 'seniors'] as const;
export const HouseholdField = z.enum(HOUSEHOLD_FIELDS);

export const Purpose = z.enum(['need', 'offer', 'both']);
export type Purpose = z.infer<typeof Purpose>;

/** Free text a visitor may add: short, single-line, trimmed. */
const Detail = z.string().trim().max(200);

export const OtherNeed = z.object({
  category: NeedCategory,
  detail: Detail.optional(),
  shareable: z.boolean().default(false),
});

export const Offer = z.object({
  category: OfferCategory,
  detail: Detail.optional(),
  availability: z.array(Availability).max(AVAILABILITY.length).default([]),
  shareable: z.boolean().default(false),
});

/** Only if the visitor wants: a first name or nickname, a phone number for a callback. */
export const Contact = z.object({
  firstName: z.string().trim().max(40).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{6,20}$/)
    .optional(),
});

/** A scanned slip (digits) or a typed short code. */
export const ReturningCode = z.string().trim().min(4).max(400);

export const IntakeRequest = z.object({
  /** Lets a double tap or a retried call create one slip, not two. */
  requestId: z.uuid(),
  language: LocaleCode,
  purpose: Purpose.default('need'),
  household: Household,
  needs: z
    .array(z.object({ itemId: z.string().min(1), qty: z.number().int().min(1).max(100) }))
    .max(100)
    .default([]),
  otherNeeds: z.array(OtherNeed).max(NEED_CATEGORIES.length).default([]),
  offers: z.array(Offer).max(OFFER_CATEGORIES.length).default([]),
  contact: Contact.default({}),
  /** The last slip of a returning household: links this visit to it (limits count across visits). */
  returning: ReturningCode.optional(),
  /** Only at a site in TEFAP mode (KioskConfig.tefap); with the mode off it is never stored. */
  tefap: TefapAnswer.optional(),
});
export type IntakeRequest = z.input<typeof IntakeRequest>;

/** Days a name or phone is kept after the last visit, until a coordinator says otherwise. */
export const DEFAULT_CONTACT_DAYS = 90;
/** The choices the coordinator is offered. */
export const CONTACT_DAY_CHOICES = [30, 60, 90, 180, 365] as const;

/** What the kiosk needs to run, readable without a PIN: nothing personal. */
export const KioskConfig = z.object({
  languages: z.array(LocaleCode).min(1),
  siteLanguage: LocaleCode,
  idleSeconds: z.number().int(),
  maxHouseholdSize: z.number().int(),
  requiredFields: z.array(HouseholdField),
  returningVisitors: z.boolean(),
  /** A name or phone is forgotten this many days after the household's last visit. */
  contactDays: z.number().int(),
  /** One household question per site age band (shared/reports/bands.ts householdQuestions). */
  ageQuestions: z.array(z.object({ band: AgeBand, field: HouseholdField.nullable(), required: z.boolean() })).max(12),
  /**
   * TEFAP mode: the state's self-declaration the visitor signs, and its translations (the visitor
   * reads declarationFor(tefap, language)); null with the mode off (nothing asked).
   */
  tefap: z.object({ declaration: z.string(), translations: TefapTranslations }).nullable(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

/** The coordinator's "Kiosk settings". */
export const KioskSettingsInput = z.object({
  languages: z.array(LocaleCode).min(1).max(12),
  idleSeconds: z.number().int().min(30).max(600),
  requiredFields: z.array(HouseholdField).max(HOUSEHOLD_FIELDS.length),
  returningVisitors: z.boolean(),
  contactDays: z.number().int().min(7).max(730),
});
export type KioskSettingsInput = z.infer<typeof KioskSettingsInput>;

/** A returning household as the kiosk may show it: counts and language, nothing personal. */
export const ReturningHousehold = z.object({
  household: Household,
  language: LocaleCode,
  /**
   * A name or phone is kept for this household. Only the fact: the code may be in a finder's
   * hands. A returning visit then leaves contact details as they are (intake.contact_on_file).
   */
  contactOnFile: z.boolean(),
});
export type ReturningHousehold = z.infer<typeof ReturningHousehold>;

export const INTAKE_ERRORS = [
  'intake.required_field',
  'intake.returning_off',
  'intake.contact_on_file',
  'intake.nothing_chosen',
  'intake.bad_band',
] as const;

export const intakeChannels = {
  'intake.config': channel({ input: z.object({}), output: KioskConfig, access: 'public' }),
  'intake.catalog': channel({
    input: z.object({ language: LocaleCode, returning: ReturningCode.optional() }),
    output: z.array(CatalogItem),
    access: 'public',
  }),
  'intake.returning': channel({ input: z.object({ code: ReturningCode }), output: ReturningHousehold, access: 'public' }),
  /** The visit's slip, or null for a visit that only offers help (nothing to collect). */
  'intake.submit': channel({ input: IntakeRequest, output: SlipView.nullable(), access: 'public' }),
  'intake.settings_get': channel({ input: z.object({}), output: KioskConfig, access: ANY_VOLUNTEER }),
  'intake.settings_save': channel({ input: KioskSettingsInput, output: KioskConfig, access: ['coordinator'] }),
};
