import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteSettings } from '../../shared/domain/site';
import { LOCALES, localeDir } from '../../shared/locales';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { categoryLabel } from '../board/format';
import '../styles/board.css';
import { NowServing } from '../stations/NowServing';

/** Seconds each language stays up before the next. Long enough to read a full screen. */
const ROTATE_SECONDS = 20;

/**
 * The waiting-room / window screen: what the hub has plenty of, what it needs, and the help
 * people are asking for. Aggregates only, no personal data. Cycles through the site's
 * languages (pausable, as WCAG asks of moving content); prints as a poster.
 */
export function PublicScreen({
  siteName,
  settings,
  setLanguage,
  mode = 'display',
  onClose,
}: {
  siteName: string;
  settings: SiteSettings;
  setLanguage(code: string): void;
  /**
   * 'display': the TV at #/public, which nobody touches: no buttons on it. 'poster': the
   * coordinator's view of it (board → pantry gaps), with a language choice and Print.
   */
  mode?: 'display' | 'poster';
  onClose?(): void;
}) {
  const languages = settings.languages;
  // The poster starts in the hub's own language; the TV starts its round at the first.
  const [index, setIndex] = useState(() => (mode === 'poster' ? Math.max(0, languages.indexOf(settings.siteLanguage)) : 0));
  const [paused, setPaused] = useState(mode === 'poster');
  const language = languages[index % languages.length] ?? settings.siteLanguage;
  // The poster is made inside volunteer mode: it speaks its own language, not the whole screen's.
  const { t } = useTranslation('board', mode === 'poster' ? { lng: language } : {});
  // Read again when the board or the stock changes; the last language's lists stay up while the next loads.
  const read = useApiQuery('board.public', { language }, { live: ['board', 'stock'], keepPrevious: true });
  const view = read.data ?? null;

  useEffect(() => {
    if (mode === 'display') setLanguage(language);
  }, [language, setLanguage, mode]);

  useEffect(() => {
    if (paused || languages.length < 2) return undefined;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % languages.length), ROTATE_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [paused, languages.length]);

  return (
    <div className={`public public-${mode}`} {...(mode === 'poster' ? { lang: language, dir: localeDir(language) } : {})}>
      <header className="public-header">
        <p className="public-site">{siteName}</p>
        <h1>{t('public.title')}</h1>
      </header>
      <main className="public-main">
        <ErrorNotice error={read.error} />
        <NowServing languages={languages} />
        {view ? (
          <div className="public-columns">
            <section className="public-column public-have" aria-labelledby="public-have">
              <h2 id="public-have">{t('public.have')}</h2>
              {view.have.length === 0 ? <p>{t('public.nothing')}</p> : null}
              <ul>
                {view.have.map((i) => (
                  <li key={i.itemId}>{i.name}</li>
                ))}
              </ul>
            </section>
            <section className="public-column public-need" aria-labelledby="public-need">
              <h2 id="public-need">{t('public.need')}</h2>
              {view.need.length === 0 ? <p>{t('public.nothing')}</p> : null}
              <ul>
                {view.need.map((i) => (
                  <li key={i.itemId}>{i.name}</li>
                ))}
              </ul>
            </section>
            <section className="public-column public-help" aria-labelledby="public-help">
              <h2 id="public-help">{t('public.help')}</h2>
              {view.offersWanted.length === 0 ? <p>{t('public.nothing')}</p> : null}
              <ul>
                {view.offersWanted.map((o) => (
                  <li key={o.category}>
                    {categoryLabel(o.category, t)} <span className="public-count">{t('public.asked', { count: o.needs })}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        ) : null}
        <p className="public-footer">{t('public.footer')}</p>
      </main>
      {mode === 'display' ? null : (
        <nav className="public-controls no-print" aria-label={t('public.controls')}>
          {languages.map((code, i) => (
            <button
              key={code}
              type="button"
              className="toggle"
              lang={code}
              aria-pressed={i === index % languages.length}
              onClick={() => {
                setIndex(i);
                setPaused(true);
              }}
            >
              {LOCALES.find((l) => l.code === code)?.name ?? code}
            </button>
          ))}
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('public.print')}
          </button>
          {onClose ? (
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t('public.back')}
            </button>
          ) : null}
        </nav>
      )}
    </div>
  );
}
