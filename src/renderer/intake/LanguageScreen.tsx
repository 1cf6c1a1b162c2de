import { useTranslation } from 'react-i18next';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { Icon } from '../kiosk/Icon';
import { useScanner } from '../scanner/use-scanner';
import { VisitorFrame, type Display } from '../kiosk/VisitorFrame';

interface LanguageScreenProps {
  siteName: string;
  languages: readonly LocaleCode[];
  display: Display;
  onDisplay(d: Display): void;
  onPick(code: LocaleCode): void;
  onVolunteer(): void;
  /** Shown when the site welcomes returning visitors back by their last slip. */
  onReturning?: () => void;
  /** A USB scanner typed a slip's digits and Enter while this screen was up. */
  onScan?: (digits: string) => void;
}

/** The first screen: each language written in its own script, big enough to tap. */
export function LanguageScreen({ siteName, languages, display, onDisplay, onPick, onVolunteer, onReturning, onScan }: LanguageScreenProps) {
  const { t, i18n } = useTranslation('intake');
  const offered = languages
    .map((code) => LOCALES.find((l) => l.code === code))
    .filter((l): l is (typeof LOCALES)[number] => l !== undefined);

  // A scanner is a keyboard that types fast and ends with Enter: catch it here so a returning
  // visitor only has to scan (the same burst detection as the pickup table and stock room).
  useScanner((code) => onScan?.(code), Boolean(onScan));

  return (
    <VisitorFrame
      siteName={siteName}
      title={t('welcome')}
      titleClass="welcome"
      display={display}
      onDisplay={onDisplay}
      headerEnd={
        <button type="button" className="button button-quiet" onClick={onVolunteer}>
          <Icon name="lock" size={24} />
          {t('common:volunteer')}
        </button>
      }
    >
      <p className="lead">{t('chooseLanguage')}</p>
      <ul className="language-grid" aria-label={t('chooseLanguage')}>
        {offered.map((l) => (
          <li key={l.code}>
            <button type="button" className="language-button" lang={l.code} dir={l.dir} onClick={() => onPick(l.code)}>
              {l.name}
            </button>
          </li>
        ))}
      </ul>
      {onReturning ? (
        // Said in every language the site offers: a returning visitor may not read the first one.
        <button type="button" className="button button-secondary returning-button" onClick={onReturning}>
          <Icon name="ticket" size={36} />
          <span className="returning-labels">
            <span>{t('returning.button')}</span>
            {offered
              .filter((l) => l.code !== i18n.language)
              .map((l) => (
                <span key={l.code} className="returning-other" lang={l.code} dir={l.dir}>
                  {t('returning.button', { lng: l.code })}
                </span>
              ))}
          </span>
        </button>
      ) : null}
    </VisitorFrame>
  );
}
