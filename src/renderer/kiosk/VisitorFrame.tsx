import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { Icon } from './Icon';
import '../styles/intake.css';

export interface Display {
  largeText: boolean;
  highContrast: boolean;
}

interface VisitorFrameProps {
  siteName: string;
  title: string;
  display: Display;
  onDisplay(d: Display): void;
  onStartOver?: () => void;
  /** Switch language mid-way without losing anything typed. */
  languages?: readonly LocaleCode[];
  language?: LocaleCode | null;
  onLanguage?: (code: LocaleCode) => void;
  /** Extra header content (the volunteer button on the language screen). */
  headerEnd?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
  titleClass?: string;
}

/**
 * Every visitor screen: the site's name, large-text and high-contrast toggles, the language,
 * "Start over" always in reach, one heading, and a footer for Back / Next.
 */
export function VisitorFrame(props: VisitorFrameProps) {
  const { siteName, title, display, onDisplay, onStartOver, languages, language, onLanguage, headerEnd, footer, children, titleClass } = props;
  const { t } = useTranslation('kiosk');
  const [menu, setMenu] = useState(false);
  const current = LOCALES.find((l) => l.code === language);
  return (
    <div className="frame visitor-frame">
      <header className="frame-header visitor-header">
        <span className="site-name">{siteName}</span>
        <div className="header-tools">
          <button
            type="button"
            className="tool-button"
            aria-pressed={display.largeText}
            onClick={() => onDisplay({ ...display, largeText: !display.largeText })}
          >
            <Icon name="text" size={28} />
            <span>{t('toggles.largeText')}</span>
          </button>
          <button
            type="button"
            className="tool-button"
            aria-pressed={display.highContrast}
            onClick={() => onDisplay({ ...display, highContrast: !display.highContrast })}
          >
            <Icon name="contrast" size={28} />
            <span>{t('toggles.highContrast')}</span>
          </button>
          {languages && onLanguage && current ? (
            <button type="button" className="tool-button" aria-expanded={menu} onClick={() => setMenu((m) => !m)}>
              <Icon name="globe" size={28} />
              <span lang={current.code}>{current.name}</span>
            </button>
          ) : null}
          {onStartOver ? (
            <button type="button" className="button button-quiet start-over" onClick={onStartOver}>
              {t('common:startOver')}
            </button>
          ) : null}
          {headerEnd}
        </div>
      </header>
      {menu && languages && onLanguage ? (
        <nav className="language-menu" aria-label={t('toggles.language')}>
          {languages.map((code) => {
            const l = LOCALES.find((x) => x.code === code);
            if (!l) return null;
            return (
              <button
                key={code}
                type="button"
                className="toggle"
                lang={l.code}
                dir={l.dir}
                aria-pressed={code === language}
                onClick={() => {
                  setMenu(false);
                  onLanguage(code);
                }}
              >
                {l.name}
              </button>
            );
          })}
        </nav>
      ) : null}
      <main className="frame-main">
        <h1 className={titleClass}>{title}</h1>
        {children}
      </main>
      {footer ? <footer className="frame-footer">{footer}</footer> : null}
    </div>
  );
}
