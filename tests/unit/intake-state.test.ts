import { describe, expect, it } from 'vitest';
import { freshIntake, isUntouched, nextStep, previousStep, stepsFor } from '../../src/renderer/intake/intake-state';

describe('intake steps', () => {
  const fresh = () => freshIntake(() => 'id');

  it('asks for pantry items only when asking, offers only when offering, contact only for new visitors', () => {
    expect(stepsFor({ purpose: 'need', returning: null })).toEqual(['language', 'purpose', 'household', 'needs', 'contact', 'confirm', 'slip']);
    expect(stepsFor({ purpose: 'offer', returning: null })).toEqual(['language', 'purpose', 'household', 'offers', 'contact', 'confirm', 'slip']);
    expect(stepsFor({ purpose: 'both', returning: null })).toEqual(['language', 'purpose', 'household', 'needs', 'offers', 'contact', 'confirm', 'slip']);
    expect(stepsFor({ purpose: 'need', returning: 'ABCD-EFGH' })).toEqual(['language', 'purpose', 'household', 'needs', 'confirm', 'slip']);
  });

  it('walks forward and back through the same steps, and Back from the code screen is the language screen', () => {
    const s = { ...fresh(), purpose: 'both' as const, step: 'offers' as const };
    expect(nextStep(s)).toBe('contact');
    expect(previousStep(s)).toBe('needs');
    expect(previousStep({ ...fresh(), step: 'returning' })).toBe('language');
  });

  it('starts with nothing said but one adult, and knows an untouched kiosk', () => {
    const s = fresh();
    expect(s.household).toEqual({ adults: 1, children: null, seniors: null });
    expect(isUntouched(s)).toBe(true);
    expect(isUntouched({ ...s, display: { largeText: true, highContrast: false } })).toBe(false);
    expect(isUntouched({ ...s, step: 'purpose' })).toBe(false);
  });
});
