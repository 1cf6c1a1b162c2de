import { describe, expect, it } from 'vitest';
import { householdSize } from '../../src/shared/domain/household';

/** Household size is one rule (shared/domain/household.ts): the kiosk form, intake and the slip use it. */
describe('household size', () => {
  it('adds up the groups the visitor gave', () => {
    expect(householdSize({ adults: 2, children: 3, seniors: 1 })).toBe(6);
  });

  it('counts a group not given (left out, or null on the form) as none', () => {
    expect(householdSize({})).toBe(0);
    expect(householdSize({ adults: 1 })).toBe(1);
    expect(householdSize({ adults: null, children: 2, seniors: null })).toBe(2);
  });
});
