import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CONTACT_DAYS, type KioskConfig } from '../../shared/api/channels/intake';
import type { ApiError } from '../../shared/api/errors';
import type { SiteSettings } from '../../shared/domain/site';
import type { LocaleCode } from '../../shared/locales';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { IdleGuard } from '../kiosk/IdleGuard';
import { VisitorFrame, type Display } from '../kiosk/VisitorFrame';
import { ContactScreen } from './ContactScreen';
import { HouseholdScreen, questionLabel } from './HouseholdScreen';
import { LanguageScreen } from './LanguageScreen';
import { NeedsScreen } from './NeedsScreen';
import { OffersScreen } from './OffersScreen';
import { PurposeScreen } from './PurposeScreen';
import { ReturningScreen } from './ReturningScreen';
import { IssuedSlip } from './SlipScreen';
import { Summary } from './Summary';
import { TefapScreen } from './TefapScreen';
import { declarationFor } from '../../shared/reports/report';
import { householdSize } from '../../shared/domain/household';
import {
  answerOf,
  householdAnswer,
  householdCounts,
  asksForHelp,
  freshIntake,
  hasAnswers,
  isUntouched,
  nextStep,
  offersHelp,
  previousStep,
  tefapAnswer,
  tefapUntouched,
  type IntakeState,
} from './intake-state';

interface IntakeFlowProps {
  siteName: string;
  settings: SiteSettings;
  onLanguage(code: LocaleCode): void;
  onVolunteer(): void;
  newId?: () => string;
}

/**
 * The walk-in flow: language → what brings you → household → needs → offers → contact → confirm
 * → slip. Everything the visitor says lives in this component's memory only.
 */
export function IntakeFlow({ siteName, settings, onLanguage, onVolunteer, newId = () => crypto.randomUUID() }: IntakeFlowProps) {
  const { t } = useTranslation('intake');
  const [state, setState] = useState<IntakeState>(() => freshIntake(newId));
  // The site's settings until the kiosk's own configuration is read (and read again for each visitor).
  const stored = useApiQuery('intake.config', {});
  const config: KioskConfig = stored.data ?? {
    ...settings,
    requiredFields: [],
    returningVisitors: false,
    contactDays: DEFAULT_CONTACT_DAYS,
    ageQuestions: [],
    tefap: null,
  };
  const { refetch: loadConfig } = stored;
  const lookingUp = useApiMutation('intake.returning');
  // Invalidates nothing: the catalog on screen is this visitor's and goes with them (the next
  // visitor's needs screen reads it anew); reading it again under the slip asks for nothing shown.
  const submitting = useApiMutation('intake.submit');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Large text and high contrast belong to this visitor: they go with everything else on a wipe.
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-large-text', state.display.largeText);
    document.documentElement.classList.toggle('kiosk-high-contrast', state.display.highContrast);
  }, [state.display]);
  useEffect(
    () => () => {
      document.documentElement.classList.remove('kiosk-large-text', 'kiosk-high-contrast');
    },
    [],
  );

  // Live stock, in the visitor's language, with limits left for a returning household: asked
  // on the needs screen; the confirm screen reuses it (only to name the items) and the submit
  // checks stock again in core, so asking a third time per visitor buys nothing.
  // Held only while this visitor is here: a returning household's limits leave with them.
  const catalogWanted = state.step === 'needs' || state.step === 'confirm';
  const catalogRead = useApiQuery(
    'intake.catalog',
    { language: state.language ?? settings.siteLanguage, ...(state.returning ? { returning: state.returning } : {}) },
    { enabled: catalogWanted && state.language !== null, forget: true, reuse: state.step === 'confirm' },
  );
  const catalog = state.language !== null ? (catalogRead.data ?? null) : null;

  /** Forget the visitor: memory, focus, the on-screen keyboard, and back to the language screen. */
  const startOver = useCallback(() => {
    setError(null);
    setNotice(null);
    setCode('');
    setBusy(false);
    setState(freshIntake(newId));
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    onLanguage(config.siteLanguage);
    void loadConfig();
  }, [newId, onLanguage, config.siteLanguage, loadConfig]);

  const patch = (p: Partial<IntakeState>) => setState((s) => ({ ...s, ...p }));
  const setDisplay = (display: Display) => patch({ display });
  const switchLanguage = (language: LocaleCode) => {
    onLanguage(language);
    patch({ language });
  };
  const go = (step: IntakeState['step']) => {
    setError(null);
    setNotice(null);
    setState((s) => ({ ...s, step }));
    window.scrollTo(0, 0);
  };

  const findReturning = async (value: string) => {
    if (busy || value.trim().length < 4) return;
    setBusy(true);
    const r = await lookingUp.call({ code: value });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setState((s) => ({ ...s, step: 'returning' }));
      return;
    }
    const h = r.value.household;
    onLanguage(r.value.language);
    setCode('');
    setError(null);
    setState((s) => ({
      ...s,
      language: r.value.language,
      purpose: 'need',
      household: householdCounts(h, config.ageQuestions),
      returning: value.trim(),
      contactOnFile: r.value.contactOnFile,
      step: 'needs',
    }));
  };

  // TEFAP mode is the site's (off unless it turned it on): its step is walked only then.
  const tefapOn = config.tefap !== null;
  const idle = <IdleGuard seconds={config.idleSeconds} active={!isUntouched(state)} onTimeout={startOver} />;

  if (state.step === 'language') {
    return (
      <>
        <LanguageScreen
          siteName={siteName}
          languages={config.languages}
          display={state.display}
          onDisplay={setDisplay}
          onVolunteer={onVolunteer}
          onPick={(language) => {
            onLanguage(language);
            setState((s) => ({ ...s, language, step: 'purpose' }));
          }}
          {...(config.returningVisitors
            ? {
                onReturning: () => go('returning'),
                onScan: (digits: string) => void findReturning(digits),
              }
            : {})}
        />
        {idle}
      </>
    );
  }

  // The arrow and the word are two flex items with a gap: a space inside a mirrored inline-block
  // collapses in right-to-left text, and the arrow ended up touching the word.
  const back = (
    <button type="button" className="button button-secondary button-arrow" onClick={() => go(previousStep(state, tefapOn))}>
      <span className="flip-rtl" aria-hidden="true">
        ←
      </span>
      <span>{t('common:back')}</span>
    </button>
  );
  const next = (label = t('common:next'), onClick = () => go(nextStep(state, tefapOn))) => (
    <button type="button" className="button button-primary button-arrow" onClick={onClick}>
      <span>{label}</span>
      <span className="flip-rtl" aria-hidden="true">
        →
      </span>
    </button>
  );
  const frame = (title: string, body: ReactNode, footer: ReactNode) => (
    <>
      <VisitorFrame
        siteName={siteName}
        title={title}
        display={state.display}
        onDisplay={setDisplay}
        languages={config.languages}
        language={state.language}
        onLanguage={switchLanguage}
        onStartOver={startOver}
        confirmStartOver={hasAnswers(state)}
        footer={footer}
      >
        {body}
        {notice ? (
          <p className="notice notice-error" role="alert">
            {notice}
          </p>
        ) : null}
        <ErrorNotice error={error ?? (catalogWanted ? catalogRead.error : null)} />
      </VisitorFrame>
      {idle}
    </>
  );

  switch (state.step) {
    case 'returning':
      return frame(
        t('returning.title'),
        <ReturningScreen
          code={code}
          onCode={(c) => {
            setError(null);
            setCode(c);
          }}
          onFind={() => void findReturning(code)}
        />,
        <>
          {back}
          {next(t('returning.find'), () => void findReturning(code))}
        </>,
      );
    case 'purpose':
      return frame(
        t('purpose.title'),
        <PurposeScreen
          value={state.purpose}
          onPick={(purpose) => {
            setState((s) => ({ ...s, purpose, step: nextStep({ ...s, purpose }, tefapOn) }));
            window.scrollTo(0, 0);
          }}
          {...(config.returningVisitors ? { onReturning: () => go('returning') } : {})}
        />,
        back,
      );
    case 'household': {
      const onNext = () => {
        const question = config.ageQuestions.find((q, i) => q.required && answerOf(state.household, config.ageQuestions, i) === null);
        if (question) return setNotice(t('household.missing', { field: questionLabel(t, question) }));
        if (householdSize(householdAnswer(state.household, config.ageQuestions)) > config.maxHouseholdSize)
          return setNotice(t('errors:intake.household_too_large', { max: config.maxHouseholdSize }));
        go(nextStep(state, tefapOn));
      };
      return frame(
        t('household.title'),
        <HouseholdScreen
          household={state.household}
          max={config.maxHouseholdSize}
          questions={config.ageQuestions}
          onChange={(household) => patch({ household })}
        />,
        <>
          {back}
          {next(undefined, onNext)}
        </>,
      );
    }
    case 'needs':
      return frame(
        t('needs.title'),
        <NeedsScreen catalog={catalog} state={state} onChange={patch} />,
        <>
          {back}
          {next()}
        </>,
      );
    case 'offers':
      return frame(
        t('offers.title'),
        <OffersScreen state={state} onChange={patch} />,
        <>
          {back}
          {next()}
        </>,
      );
    case 'contact': {
      const empty = !state.firstName.trim() && !state.phone.trim();
      return frame(
        t('contact.title'),
        <ContactScreen state={state} contactDays={config.contactDays} onChange={patch} />,
        <>
          {back}
          {next(empty ? t('contact.skip') : t('common:next'))}
        </>,
      );
    }
    case 'tefap': {
      const onNext = () => {
        const checked = tefapAnswer(state.tefap);
        if ('missing' in checked) return setNotice(t(`tefap.missing.${checked.missing}`));
        go(nextStep(state, tefapOn));
      };
      return frame(
        t('tefap.title'),
        <TefapScreen
          draft={state.tefap}
          // In her language where the site entered the state's text in it (the record keeps the same words).
          declaration={config.tefap ? declarationFor(config.tefap, state.language ?? settings.siteLanguage) : ''}
          people={householdSize(householdAnswer(state.household, config.ageQuestions))}
          onChange={(tefap) => {
            setNotice(null);
            patch({ tefap });
          }}
        />,
        <>
          {back}
          {next(tefapUntouched(state.tefap) ? t('contact.skip') : t('common:next'), onNext)}
        </>,
      );
    }
    case 'confirm': {
      const asks = asksForHelp(state);
      // Only at a site in TEFAP mode, for a visit that asks for food, and only what the visitor gave.
      const checked = tefapOn && asks ? tefapAnswer(state.tefap) : null;
      const tefap = checked && 'answer' in checked ? checked.answer : null;
      const submit = async () => {
        if (!state.language || busy) return;
        setBusy(true);
        setError(null);
        const h = state.household;
        const purpose = state.purpose ?? 'need';
        const asking = purpose !== 'offer';
        const offering = purpose !== 'need';
        const needDetail = state.needDetail.trim();
        const offerDetail = state.offerDetail.trim();
        const otherNeeds = asking
          ? [...state.otherNeeds, ...(needDetail && !state.otherNeeds.length ? (['other'] as const) : [])].map((category, i) => ({
              category,
              ...(needDetail && i === 0 ? { detail: needDetail } : {}),
              shareable: state.shareNeeds,
            }))
          : [];
        const offers = offering
          ? [...state.offers, ...(offerDetail && !state.offers.length ? (['other'] as const) : [])].map((category, i) => ({
              category,
              ...(offerDetail && i === 0 ? { detail: offerDetail } : {}),
              availability: state.availability,
              shareable: state.shareOffers,
            }))
          : [];
        const result = await submitting.call({
          requestId: state.requestId,
          language: state.language,
          purpose,
          household: householdAnswer(h, config.ageQuestions),
          needs: asking ? Object.entries(state.items).map(([itemId, qty]) => ({ itemId, qty })) : [],
          otherNeeds,
          offers,
          // Details kept for a returning household stay as they are: nothing to send.
          contact: state.contactOnFile
            ? {}
            : {
                ...(state.firstName.trim() ? { firstName: state.firstName.trim() } : {}),
                ...(state.phone.trim() ? { phone: state.phone.trim() } : {}),
              },
          ...(state.returning ? { returning: state.returning } : {}),
          ...(tefap ? { tefap } : {}),
        });
        setBusy(false);
        if (result.ok) setState((s) => ({ ...s, slip: result.value, step: 'slip' }));
        else setError(result.error);
      };
      // Nothing asked for and nothing offered: no slip to make (core refuses it too).
      if (!asks && !offersHelp(state)) {
        return frame(
          t('confirm.title'),
          <p className="notice notice-kind" role="status">
            {t('errors.nothing_chosen')}
          </p>,
          back,
        );
      }
      return frame(
        t('confirm.title'),
        <Summary
          state={state}
          catalog={catalog}
          people={householdSize(householdAnswer(state.household, config.ageQuestions))}
          tefap={tefap}
        />,
        <>
          {back}
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
            {asks ? t('confirm.submit') : t('confirm.send')}
          </button>
        </>,
      );
    }
    case 'slip':
      // A visit that only offered help: thanked, and nothing to collect, so no slip.
      if (!state.slip) {
        return frame(
          t('thanks.title'),
          <p className="lead thanks">{t('thanks.offer')}</p>,
          <button type="button" className="button button-primary" onClick={startOver}>
            {t('common:done')}
          </button>,
        );
      }
      return frame(
        t('slip:title'),
        <>
          <p className="lead">{t('slip:showAtTable')}</p>
          {state.slip ? <IssuedSlip slip={state.slip} /> : null}
        </>,
        <button type="button" className="button button-primary" onClick={startOver}>
          {t('common:done')}
        </button>,
      );
  }
}
