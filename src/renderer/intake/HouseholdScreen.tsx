import { useTranslation } from 'react-i18next';
import { Stepper } from '../components/Stepper';
import type { HouseholdCounts } from './intake-state';

interface HouseholdScreenProps {
  household: HouseholdCounts;
  max: number;
  onChange(h: HouseholdCounts): void;
}

/** How many people the slip is for. All optional; steppers, no typing. */
export function HouseholdScreen({ household, max, onChange }: HouseholdScreenProps) {
  const { t } = useTranslation('intake');
  const total = household.adults + household.children + household.seniors;
  return (
    <>
      <p className="lead">{t('household.hint')}</p>
      <div className="steppers">
        <Stepper label={t('household.adults')} icon="🧑" value={household.adults} max={max} onChange={(adults) => onChange({ ...household, adults })} />
        <Stepper label={t('household.children')} icon="🧒" value={household.children} max={max} onChange={(children) => onChange({ ...household, children })} />
        <Stepper label={t('household.seniors')} icon="🧓" value={household.seniors} max={max} onChange={(seniors) => onChange({ ...household, seniors })} />
      </div>
      <p className="total" aria-live="polite">
        {t('household.total', { count: total })}
      </p>
    </>
  );
}
