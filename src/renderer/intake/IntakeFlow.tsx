import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { SiteSettings } from '../../shared/domain/site';
import type { LocaleCode } from '../../shared/locales';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { KioskFrame } from '../components/KioskFrame';
import { HouseholdScreen } from './HouseholdScreen';
import { LanguageScreen } from './LanguageScreen';
import { SlipCard } from './SlipScreen';
import { freshIntake, previousStep, type IntakeState } from './intake-state';

interface IntakeFlowProps {
  siteName: string;
  settings: SiteSettings;
  onLanguage(code: LocaleCode): void;
  onVolunteer(): void;
  newId?: () => string;
}

/** The walk-in flow: language, household, confirm, slip. */
export function IntakeFlow({ siteName, settings, onLanguage, onVolunteer, newId = () => crypto.randomUUID() }: IntakeFlowProps) {
  const { t } = useTranslation('intake');
  const api = useApi();
  const [state, setState] = useState<IntakeState>(() => freshIntake(newId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const startOver = () => {
    setError(null);
    setState(freshIntake(newId));
    onLanguage(settings.siteLanguage);
  };
  const go = (step: IntakeState['step']) => {
    setError(null);
    setState((s) => ({ ...s, step }));
  };

  if (state.step === 'language') {
    return (
      <LanguageScreen
        siteName={siteName}
        languages={settings.languages}
        onVolunteer={onVolunteer}
        onPick={(language) => {
          onLanguage(language);
          setState((s) => ({ ...s, language, step: 'household' }));
        }}
      />
    );
  }

  const back = (
    <button type="button" className="button button-secondary" onClick={() => go(previousStep(state.step))}>
      <span className="flip-rtl" aria-hidden="true">
        ←{' '}
      </span>
      {t('common:back')}
    </button>
  );

  if (state.step === 'household') {
    return (
      <KioskFrame
        siteName={siteName}
        title={t('household.title')}
        onStartOver={startOver}
        footer={
          <>
            {back}
            <button type="button" className="button button-primary" onClick={() => go('confirm')}>
              {t('common:next')}
              <span className="flip-rtl" aria-hidden="true">
                {' '}→
              </span>
            </button>
          </>
        }
      >
        <HouseholdScreen household={state.household} max={settings.maxHouseholdSize} onChange={(household) => setState((s) => ({ ...s, household }))} />
      </KioskFrame>
    );
  }

  if (state.step === 'confirm') {
    const submit = async () => {
      if (!state.language || busy) return;
      setBusy(true);
      const h = state.household;
      const result = await api.call('intake.submit', {
        requestId: state.requestId,
        language: state.language,
        household: { adults: h.adults, children: h.children, seniors: h.seniors },
        needs: [],
      });
      setBusy(false);
      if (result.ok) setState((s) => ({ ...s, slip: result.value, step: 'slip' }));
      else setError(result.error);
    };
    const total = state.household.adults + state.household.children + state.household.seniors;
    return (
      <KioskFrame
        siteName={siteName}
        title={t('confirm.title')}
        onStartOver={startOver}
        footer={
          <>
            {back}
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
              {t('confirm.submit')}
            </button>
          </>
        }
      >
        <dl className="summary">
          <dt>{t('confirm.household')}</dt>
          <dd>{t('household.total', { count: total })}</dd>
        </dl>
        <ErrorNotice error={error} />
      </KioskFrame>
    );
  }

  return (
    <KioskFrame
      siteName={siteName}
      title={t('slip:title')}
      footer={
        <button type="button" className="button button-primary" onClick={startOver}>
          {t('common:done')}
        </button>
      }
    >
      <p className="lead">{t('slip:showAtTable')}</p>
      {state.slip ? <SlipCard slip={state.slip} /> : null}
    </KioskFrame>
  );
}
