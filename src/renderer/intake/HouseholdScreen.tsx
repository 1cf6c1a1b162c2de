import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KioskConfig } from '../../shared/api/channels/intake';
import { Icon, type IconName } from '../kiosk/Icon';
import { householdSize } from '../../shared/domain/household';
import { bandLabel, type AgeBand } from '../../shared/reports/bands';
import { answerOf, householdAnswer, withAnswer, type HouseholdCounts } from './intake-state';

type Question = KioskConfig['ageQuestions'][number];

interface HouseholdScreenProps {
  household: HouseholdCounts;
  max: number;
  /** The site's age bands as questions; none yet (config loading): the older three. */
  questions: KioskConfig['ageQuestions'];
  onChange(h: HouseholdCounts): void;
}

/** Until the kiosk's config arrives, the default bands (the older three). */
const FALLBACK: Question[] = [
  { band: { from: 18, to: 64 }, field: 'adults', required: false },
  { band: { from: 0, to: 17 }, field: 'children', required: false },
  { band: { from: 65, to: null }, field: 'seniors', required: false },
];

/** The question's words: the older answer's name ("Children"), or the band's ages ("Age 18–59"). */
export function questionLabel(t: TFunction, q: Question): string {
  if (q.field) return t(`intake:household.${q.field}`);
  return q.band.to === null
    ? t('intake:household.bandOpen', { from: q.band.from })
    : t('intake:household.band', { range: bandLabel(q.band) });
}

function iconOf(b: AgeBand): IconName {
  if (b.to !== null && b.to < 18) return 'child';
  return b.from >= 60 ? 'senior' : 'adult';
}

/**
 * How many people the slip is for, in the site's age bands. Optional unless the site requires
 * an answer; steppers, no typing. Adults come first, as a visitor counts their home.
 */
export function HouseholdScreen({ household, max, questions, onChange }: HouseholdScreenProps) {
  const { t } = useTranslation('intake');
  const asked = questions.length > 0 ? questions : FALLBACK;
  const order = asked.map((q, i) => ({ q, i })).sort((a, b) => Number(iconOf(a.q.band) !== 'adult') - Number(iconOf(b.q.band) !== 'adult'));
  return (
    <>
      <p className="lead">{t('household.hint')}</p>
      <div className="steppers">
        {order.map(({ q, i }) => (
          <CountStepper
            key={`${q.band.from}`}
            label={questionLabel(t, q)}
            ages={q.field ? bandLabel(q.band) : null}
            icon={iconOf(q.band)}
            required={q.required}
            value={answerOf(household, asked, i)}
            max={max}
            onChange={(v) => onChange(withAnswer(household, asked, i, v))}
          />
        ))}
      </div>
      <p className="total" aria-live="polite">
        {t('household.total', { count: householdSize(householdAnswer(household, asked)) })}
      </p>
    </>
  );
}

interface CountStepperProps {
  label: string;
  /** The ages an older answer stands for at this site, shown beside its name. */
  ages: string | null;
  icon: IconName;
  required: boolean;
  value: number | null;
  max: number;
  onChange(v: number): void;
}

/** A count picked with big − and + buttons; "–" until the visitor says (− from "–" says 0). */
function CountStepper({ label, ages, icon, required, value, max, onChange }: CountStepperProps) {
  const { t } = useTranslation('common');
  const id = useId();
  return (
    <div className="stepper" role="group" aria-labelledby={id}>
      <span className="stepper-label" id={id}>
        <Icon name={icon} size={44} />
        {label}
        {required ? <span className="required-mark">{t('intake:household.required')}</span> : null}
      </span>
      {ages ? (
        <span className="stepper-ages" dir="ltr">
          {ages}
        </span>
      ) : null}
      <div className="stepper-controls">
        <button
          type="button"
          className="round-button"
          aria-label={t('decrease', { label })}
          disabled={value === 0}
          onClick={() => onChange(Math.max(0, (value ?? 1) - 1))}
        >
          −
        </button>
        <output className="stepper-value" aria-live="polite">
          {value ?? '–'}
        </output>
        <button
          type="button"
          className="round-button"
          aria-label={t('increase', { label })}
          disabled={value !== null && value >= max}
          onClick={() => onChange(Math.min(max, (value ?? 0) + 1))}
        >
          +
        </button>
      </div>
    </div>
  );
}
