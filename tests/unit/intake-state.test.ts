import { DEFAULT_BANDS, DEFAULT_LEGACY_AGES, householdQuestions } from '../../src/shared/reports/bands';
import { describe, expect, it } from 'vitest';
import {
  answerOf,
  householdAnswer,
  householdCounts,
  withAnswer,
  asksForHelp,
  freshIntake,
  hasAnswers,
  isUntouched,
  nextStep,
  offersHelp,
  previousStep,
  stepsFor,
} from '../../src/renderer/intake/intake-state';

describe('intake steps', () => {
  const fresh = () => freshIntake(() => 'id');

  it('asks for pantry items only when asking, offers only when offering, contact only for new visitors', () => {
    expect(stepsFor({ purpose: 'need', returning: null })).toEqual([
      'language',
      'purpose',
      'household',
      'needs',
      'contact',
      'confirm',
      'slip',
    ]);
    expect(stepsFor({ purpose: 'offer', returning: null })).toEqual([
      'language',
      'purpose',
      'household',
      'offers',
      'contact',
      'confirm',
      'slip',
    ]);
    expect(stepsFor({ purpose: 'both', returning: null })).toEqual([
      'language',
      'purpose',
      'household',
      'needs',
      'offers',
      'contact',
      'confirm',
      'slip',
    ]);
    expect(stepsFor({ purpose: 'need', returning: 'ABCD-EFGH' })).toEqual(['language', 'purpose', 'household', 'needs', 'confirm', 'slip']);
  });

  it('walks forward and back through the same steps, and Back from the code screen is the language screen', () => {
    const s = { ...fresh(), purpose: 'both' as const, step: 'offers' as const };
    expect(nextStep(s)).toBe('contact');
    expect(previousStep(s)).toBe('needs');
    expect(previousStep({ ...fresh(), step: 'returning' })).toBe('language');
    // Reached again after the language: Back returns there.
    expect(previousStep({ ...fresh(), language: 'ar', step: 'returning' })).toBe('purpose');
  });

  it('knows what this visit asks for and offers, as the submit will count it', () => {
    const need = { ...fresh(), purpose: 'need' as const };
    expect(asksForHelp(need)).toBe(false);
    expect(asksForHelp({ ...need, items: { rice: 1 } })).toBe(true);
    expect(asksForHelp({ ...need, needDetail: 'a crib' })).toBe(true);
    // Leftovers of a purpose the visitor changed do not count.
    expect(asksForHelp({ ...need, purpose: 'offer', items: { rice: 1 } })).toBe(false);
    expect(offersHelp({ ...need, offers: ['ride'] })).toBe(false);
    expect(offersHelp({ ...need, purpose: 'both', offers: ['ride'] })).toBe(true);
  });

  it('asks before "Start over" only when something was said, and never on the slip', () => {
    expect(hasAnswers({ ...fresh(), language: 'en', step: 'purpose' })).toBe(false);
    expect(hasAnswers({ ...fresh(), language: 'en', purpose: 'need', step: 'household' })).toBe(true);
    expect(hasAnswers({ ...fresh(), purpose: 'need', step: 'slip' })).toBe(false);
  });

  it('starts with nothing said but one adult, and knows an untouched kiosk', () => {
    const s = fresh();
    expect(s.household).toEqual({ adults: 1, children: null, seniors: null, bands: [] });
    expect(isUntouched(s)).toBe(true);
    expect(isUntouched({ ...s, display: { largeText: true, highContrast: false } })).toBe(false);
    expect(isUntouched({ ...s, step: 'purpose' })).toBe(false);
  });
});

describe('the household, as the site asks it', () => {
  const legacy = householdQuestions(DEFAULT_BANDS, DEFAULT_LEGACY_AGES).map((q) => ({ ...q, required: false }));
  const other = householdQuestions(
    [
      { from: 0, to: 17 },
      { from: 18, to: 59 },
      { from: 60, to: null },
    ],
    DEFAULT_LEGACY_AGES,
  ).map((q) => ({ ...q, required: false }));

  it('sends the older three answers for the default bands, and the bands by age otherwise, leaving out what was not said', () => {
    const h = { adults: 2, children: null, seniors: 1, bands: [] };
    expect(householdAnswer(h, legacy)).toEqual({ adults: 2, seniors: 1 });
    const banded = withAnswer(withAnswer(h, other, 1, 2), other, 2, 1);
    expect(householdAnswer(banded, other)).toEqual({
      bands: [
        { from: 18, to: 59, count: 2 },
        { from: 60, to: null, count: 1 },
      ],
    });
    expect(answerOf(banded, other, 0)).toBeNull();
    expect(householdCounts({ bands: [{ from: 60, to: null, count: 3 }] }, other).bands).toEqual([null, null, 3]);
  });
});
