import { useTranslation } from 'react-i18next';
import { LOCALES, type LocaleCode } from '../../shared/locales';

interface LanguageScreenProps {
  siteName: string;
  languages: readonly LocaleCode[];
  onPick(code: LocaleCode): void;
  onVolunteer(): void;
}

/** The first screen: each language written in its own script, big enough to tap. */
export function LanguageScreen({ siteName, languages, onPick, onVolunteer }: LanguageScreenProps) {
  const { t } = useTranslation('intake');
  const offered = languages
    .map((code) => LOCALES.find((l) => l.code === code))
    .filter((l): l is (typeof LOCALES)[number] => l !== undefined);
  return (
    <div className="frame">
      <header className="frame-header">
        <span className="site-name">{siteName}</span>
        <button type="button" className="button button-quiet" onClick={onVolunteer}>
          <span aria-hidden="true">🔒 </span>
          {t('common:volunteer')}
        </button>
      </header>
      <main className="frame-main">
        <h1 className="welcome">{t('welcome')}</h1>
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
      </main>
    </div>
  );
}
