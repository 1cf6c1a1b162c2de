import type { AVAILABILITY, KioskConfig, NEED_CATEGORIES, OFFER_CATEGORIES, Purpose } from '../../shared/api/channels/intake';
import type { Household } from '../../shared/domain/household';
import type { LocaleCode } from '../../shared/locales';
import type { SlipView } from '../../shared/domain/slip';
import type { TEFAP_PROGRAMS, TefapAnswer } from '../../shared/reports/report';
import type { Display } from '../kiosk/VisitorFrame';

/** null: the visitor has not said. Only what the site requires must be said. */
export interface HouseholdCounts {
  adults: number | null;
  children: number | null;
  seniors: number | null;
  /** Counts by the site's age bands, in the order of KioskConfig.ageQuestions (sites whose bands are not the older three). */
  bands: (number | null)[];
}

/** Whether the site asks the older three answers (its bands are exactly those) rather than its bands by age. */
export function asksLegacy(questions: KioskConfig['ageQuestions']): boolean {
  return questions.every((q) => q.field !== null);
}

/** The answer to question i as the form holds it (null: not said). */
export function answerOf(h: HouseholdCounts, questions: KioskConfig['ageQuestions'], i: number): number | null {
  const field = questions[i]?.field;
  return asksLegacy(questions) && field ? h[field] : (h.bands[i] ?? null);
}

/** The form with question i answered. */
export function withAnswer(h: HouseholdCounts, questions: KioskConfig['ageQuestions'], i: number, value: number): HouseholdCounts {
  const field = questions[i]?.field;
  if (asksLegacy(questions) && field) return { ...h, [field]: value };
  const bands = questions.map((_, j) => h.bands[j] ?? null);
  bands[i] = value;
  return { ...h, bands };
}

/** What the visitor said about their household, as the site asks it: unsaid answers are left out. */
export function householdAnswer(h: HouseholdCounts, questions: KioskConfig['ageQuestions']): Household {
  if (asksLegacy(questions)) {
    return {
      ...(h.adults !== null ? { adults: h.adults } : {}),
      ...(h.children !== null ? { children: h.children } : {}),
      ...(h.seniors !== null ? { seniors: h.seniors } : {}),
    };
  }
  return {
    bands: questions.flatMap((q, i) => {
      const count = h.bands[i];
      return count === null || count === undefined ? [] : [{ from: q.band.from, to: q.band.to, count }];
    }),
  };
}

/** A returning household's answers, put back into the form the site asks now. */
export function householdCounts(h: Household, questions: KioskConfig['ageQuestions']): HouseholdCounts {
  return {
    adults: h.adults ?? null,
    children: h.children ?? null,
    seniors: h.seniors ?? null,
    bands: questions.map((q) => h.bands?.find((b) => b.from === q.band.from && b.to === q.band.to)?.count ?? null),
  };
}

export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export type OfferCategory = (typeof OFFER_CATEGORIES)[number];

export type IntakeStep = 'language' | 'returning' | 'purpose' | 'household' | 'needs' | 'offers' | 'contact' | 'tefap' | 'confirm' | 'slip';

export type TefapProgram = (typeof TEFAP_PROGRAMS)[number];

/**
 * TEFAP's questions as the visitor is answering them (only at a site in TEFAP mode): the name of
 * the person receiving food, an address if they can give one, the basis of eligibility and a
 * finger signature. Household size is the household step's answer, never asked again.
 */
export interface TefapDraft {
  name: string;
  address: string;
  basis: TefapAnswer['basis'] | null;
  program: TefapProgram | null;
  /** The signature as TefapAnswer keeps it (an SVG path in a 600 x 200 box); '' unsigned. */
  signature: string;
}

export const EMPTY_TEFAP: TefapDraft = { name: '', address: '', basis: null, program: null, signature: '' };

/** A visitor's answers, held in memory only and wiped on "Start over" or idle. */
export interface IntakeState {
  step: IntakeStep;
  language: LocaleCode | null;
  purpose: Purpose | null;
  household: HouseholdCounts;
  /** Pantry items asked for: item id → quantity. */
  items: Record<string, number>;
  otherNeeds: NeedCategory[];
  needDetail: string;
  shareNeeds: boolean;
  offers: OfferCategory[];
  availability: (typeof AVAILABILITY)[number][];
  offerDetail: string;
  shareOffers: boolean;
  firstName: string;
  phone: string;
  /** The code of a returning household's last slip (never shown back on screen). */
  returning: string | null;
  /** A name or phone is kept for this returning household: left as it is, never asked again. */
  contactOnFile: boolean;
  tefap: TefapDraft;
  slip: SlipView | null;
  requestId: string;
  display: Display;
}

export function freshIntake(newId: () => string): IntakeState {
  return {
    step: 'language',
    language: null,
    purpose: null,
    household: { adults: 1, children: null, seniors: null, bands: [] },
    items: {},
    otherNeeds: [],
    needDetail: '',
    shareNeeds: false,
    offers: [],
    availability: [],
    offerDetail: '',
    shareOffers: false,
    firstName: '',
    phone: '',
    returning: null,
    contactOnFile: false,
    tefap: EMPTY_TEFAP,
    slip: null,
    requestId: newId(),
    display: { largeText: false, highContrast: false },
  };
}

/**
 * The steps this visitor walks, in order: needs only if asking, offers only if offering, and
 * TEFAP's questions only at a site in TEFAP mode and only to a visitor asking for food.
 */
export function stepsFor(s: Pick<IntakeState, 'purpose' | 'returning'>, tefap = false): IntakeStep[] {
  const purpose = s.purpose ?? 'need';
  return [
    'language',
    'purpose',
    'household',
    ...(purpose !== 'offer' ? (['needs'] as const) : []),
    ...(purpose !== 'need' ? (['offers'] as const) : []),
    // A returning household has been asked already; Back still reaches every answer.
    ...(s.returning ? [] : (['contact'] as const)),
    ...(tefap && purpose !== 'offer' ? (['tefap'] as const) : []),
    'confirm',
    'slip',
  ];
}

export function nextStep(s: IntakeState, tefap = false): IntakeStep {
  const steps = stepsFor(s, tefap);
  return steps[steps.indexOf(s.step) + 1] ?? 'confirm';
}

export function previousStep(s: IntakeState, tefap = false): IntakeStep {
  // "I have a slip" is offered on the first screen and again after the language.
  if (s.step === 'returning') return s.language ? 'purpose' : 'language';
  const steps = stepsFor(s, tefap);
  const i = steps.indexOf(s.step);
  return steps[Math.max(0, i - 1)] ?? 'language';
}

/** Pantry items or another kind of help, asked for on this visit (only when asking). */
export function asksForHelp(s: IntakeState): boolean {
  if (s.purpose === 'offer') return false;
  return Object.keys(s.items).length > 0 || s.otherNeeds.length > 0 || s.needDetail.trim() !== '';
}

/** Help offered on this visit (only when offering). */
export function offersHelp(s: IntakeState): boolean {
  if (s.purpose === null || s.purpose === 'need') return false;
  return s.offers.length > 0 || s.offerDetail.trim() !== '';
}

/** Something the visitor said that "Start over" would lose: worth asking before wiping. */
export function hasAnswers(s: IntakeState): boolean {
  return (
    s.step !== 'slip' &&
    (s.purpose !== null ||
      s.returning !== null ||
      Object.keys(s.items).length > 0 ||
      s.otherNeeds.length > 0 ||
      s.offers.length > 0 ||
      s.firstName.trim() !== '' ||
      s.phone.trim() !== '' ||
      !tefapUntouched(s.tefap))
  );
}

export function isUntouched(s: IntakeState): boolean {
  return s.step === 'language' && !s.display.largeText && !s.display.highContrast;
}

/** Nothing said on the TEFAP step: the visitor may go on without it (served all the same, no record). */
export function tefapUntouched(d: TefapDraft): boolean {
  return d.name.trim() === '' && d.address.trim() === '' && d.basis === null && d.signature === '';
}

/** The first thing the TEFAP step still needs, in the order it asks; null when it is complete. */
export type TefapMissing = 'name' | 'basis' | 'program' | 'signature';

/**
 * What the TEFAP step sends: nothing when untouched (the visitor chose not to), the answer when
 * complete, else which question is still open, for the screen to name it. Never ID, status or proof.
 */
export function tefapAnswer(d: TefapDraft): { answer: TefapAnswer | null } | { missing: TefapMissing } {
  if (tefapUntouched(d)) return { answer: null };
  const name = d.name.trim();
  if (name === '') return { missing: 'name' };
  if (d.basis === null) return { missing: 'basis' };
  if (d.basis === 'categorical' && d.program === null) return { missing: 'program' };
  if (d.signature === '') return { missing: 'signature' };
  const address = d.address.trim();
  return {
    answer: {
      name,
      ...(address ? { address } : {}),
      basis: d.basis,
      ...(d.basis === 'categorical' && d.program ? { program: d.program } : {}),
      signature: d.signature,
    },
  };
}
