import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localeDir } from '../../shared/locales';
import { isolate } from '../../shared/slips/bidi';
import { useApiQuery } from '../api/query';
import { chime } from './chime';
import './stations.css';

/**
 * "Now serving" for the waiting-room screen, in large type, in the language on screen (the
 * public screen rotates through every language the hub offers). Chimes when a number is called
 * or called again; the wait comes from the recent pace, or is not given.
 */
export function NowServing({ languages = [] }: { languages?: readonly string[] }) {
  const { t, i18n } = useTranslation('stations');
  // Read again whenever a table calls a number; a failed read keeps the last answer up.
  const view = useApiQuery('queue.now_serving', {}, { live: ['queue'] }).data;
  // The call on screen ("number:times called"); '' before the first call, null before the first answer.
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!view) return;
    const key = view.current ? `${view.current.number}:${view.current.calls}` : null;
    if (last.current !== null && key !== null && key !== last.current) chime();
    last.current = key ?? '';
  }, [view]);

  // A hub that has not called a number today (or does not use the queue) shows no band at all.
  if (!view || !view.current) return null;
  const others = languages.filter((l) => l !== i18n.language);
  const table = view.current.table === null ? null : isolate(view.current.table);
  return (
    <section className="now-serving" aria-labelledby="now-serving-title" aria-live="polite">
      <h2 id="now-serving-title">{t('nowServing')}</h2>
      {/* The screen rotates its language every few seconds; the words "now serving" are here in every
          hub language at once, so nobody waits for their language to come round to read the number. */}
      {others.length > 0 ? (
        <p className="now-serving-languages">
          {others.map((lng) => (
            <span key={lng} lang={lng} dir={localeDir(lng)}>
              {i18n.getFixedT(lng, 'stations')('nowServing')}
            </span>
          ))}
        </p>
      ) : null}
      <p className="now-serving-number" data-testid="now-serving-number">
        {view.current ? view.current.number : '—'}
      </p>
      {/* Where to go, in the language on screen and, smaller, in every other hub language at once. */}
      {table !== null ? (
        <div className="now-serving-table" data-testid="now-serving-table">
          <p className="now-serving-table-main">{t('goToTable', { table })}</p>
          {others.length > 0 ? (
            <p className="now-serving-languages">
              {others.map((lng) => (
                <span key={lng} lang={lng} dir={localeDir(lng)}>
                  {i18n.getFixedT(lng, 'stations')('goToTable', { table })}
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
      {view.recent.length > 0 ? (
        <ul className="now-serving-recent" aria-label={t('calledBefore')}>
          {view.recent.map((c) => (
            <li key={`${c.number}-${c.calledAt}`}>{c.number}</li>
          ))}
        </ul>
      ) : null}
      <p className="now-serving-wait">
        {/* Nobody waiting is said so, not "about 0 min of waiting · 0 waiting" (core's estimate is
            0 only then, and at least 1 min otherwise). */}
        {view.waiting === 0
          ? t('noneWaiting')
          : view.waitMinutes === null
            ? t('waitUnknown', { n: view.waiting })
            : t('wait', { minutes: view.waitMinutes, n: view.waiting })}
      </p>
    </section>
  );
}
