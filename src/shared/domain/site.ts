import { z } from 'zod';
import { LOCALE_CODES } from '../locales';

export const LocaleCode = z.enum(LOCALE_CODES);

/** A volunteer PIN: 4 to 8 digits, typed on the on-screen keypad. */
export const Pin = z.string().regex(/^\d{4,8}$/);

export const SiteSettings = z.object({
  /** Languages offered on the kiosk, in the order the site wants them shown. */
  languages: z.array(LocaleCode).min(1),
  /** The language volunteers and printed reports use. */
  siteLanguage: LocaleCode,
  /** Seconds without a touch before the kiosk asks "Still there?". */
  idleSeconds: z.number().int().min(30).max(600),
  /** The largest household the site accepts on one slip (sanity bound, not a rule about people). */
  maxHouseholdSize: z.number().int().min(1).max(50),
  /** Days a slip stays valid. */
  slipValidDays: z.number().int().min(1).max(60),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

export const DEFAULT_SETTINGS: SiteSettings = {
  languages: ['en'],
  siteLanguage: 'en',
  idleSeconds: 90,
  maxHouseholdSize: 20,
  slipValidDays: 7,
};

export const SiteSetup = z.object({
  name: z.string().trim().min(1).max(80),
  languages: z.array(LocaleCode).min(1),
  siteLanguage: LocaleCode,
  pin: Pin,
  /** The first coordinator's name as volunteers will see it; the setup screen sends the word for "coordinator" in the site's language when left empty. */
  coordinatorName: z.string().trim().min(1).max(60).optional(),
});
export type SiteSetup = z.infer<typeof SiteSetup>;

export const SiteStatus = z.discriminatedUnion('setUp', [
  z.object({ setUp: z.literal(false) }),
  z.object({
    setUp: z.literal(true),
    id: z.string(),
    name: z.string(),
    settings: SiteSettings,
  }),
]);
export type SiteStatus = z.infer<typeof SiteStatus>;
