import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
  /** The visitor has said something: "Start over" asks before wiping it. */
  confirmStartOver?: boolean;
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
  const {
    siteName,
    title,
    display,
    onDisplay,
    onStartOver,
    confirmStartOver,
    languages,
    language,
    onLanguage,
    headerEnd,
    footer,
    children,
    titleClass,
  } = props;
  const { t } = useTranslation('kiosk');
  const [menu, setMenu] = useState(false);
  const [asking, setAsking] = useState(false);
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
            <button
              type="button"
              className="button button-quiet start-over"
              onClick={() => (confirmStartOver ? setAsking(true) : onStartOver())}
            >
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
      {asking && onStartOver ? (
        <StartOverQuestion
          onYes={() => {
            setAsking(false);
            onStartOver();
          }}
          onNo={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}

/** One stray tap on "Start over" must not wipe what a visitor took minutes to say. */
function StartOverQuestion({ onYes, onNo }: { onYes(): void; onNo(): void }) {
  const { t } = useTranslation('kiosk');
  const titleId = useId();
  const noRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    noRef.current?.focus();
  }, []);
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('startOver.title')}</h2>
        <p className="idle-countdown">{t('startOver.body')}</p>
        <div className="dialog-actions">
          <button ref={noRef} type="button" className="button button-secondary" onClick={onNo}>
            {t('startOver.no')}
          </button>
          <button type="button" className="button button-primary" onClick={onYes}>
            {t('startOver.yes')}
          </button>
        </div>
      </div>
    </div>
  );
}
