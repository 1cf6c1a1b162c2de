import type { LocaleCode } from '../../shared/locales';
import type { SlipView } from '../../shared/domain/slip';

export interface HouseholdCounts {
  adults: number;
  children: number;
  seniors: number;
}

export type IntakeStep = 'language' | 'household' | 'confirm' | 'slip';

/** A visitor's answers, held in memory only and wiped on "Start over" or idle. */
export interface IntakeState {
  step: IntakeStep;
  language: LocaleCode | null;
  household: HouseholdCounts;
  slip: SlipView | null;
  requestId: string;
}

export function freshIntake(newId: () => string): IntakeState {
  return { step: 'language', language: null, household: { adults: 1, children: 0, seniors: 0 }, slip: null, requestId: newId() };
}

export const STEP_ORDER: IntakeStep[] = ['language', 'household', 'confirm', 'slip'];

export function previousStep(step: IntakeStep): IntakeStep {
  const i = STEP_ORDER.indexOf(step);
  return STEP_ORDER[Math.max(0, i - 1)] ?? 'language';
}
