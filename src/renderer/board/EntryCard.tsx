import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry } from '../../shared/api/channels/board';
import { categoryLabel, formatDate, formatSlots, languageNames } from './format';

/** One need or offer: what, in which languages, when, and whose (by slip code only). */
export function EntryCard({ entry, children, headingLevel = 2 }: { entry: BoardEntry; children?: ReactNode; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation('board');
  const lng = i18n.language;
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h2';
  const title = entry.itemName ?? entry.detail ?? categoryLabel(entry.category, t);
  return (
    <article
      className={`entry entry-${entry.kind}${entry.expired ? ' entry-expired' : ''}`}
      aria-label={`${t(`kind.${entry.kind}`)}: ${title}`}
    >
      <Heading className="entry-title">
        <span className="entry-kind">{t(`kind.${entry.kind}`)}</span>{' '}
        <span className="entry-category">{categoryLabel(entry.category, t)}</span>
        {entry.itemName || entry.detail ? <span className="entry-detail"> · {title}</span> : null}
      </Heading>
      <dl className="entry-meta">
        <dt>{t('who')}</dt>
        <dd>
          {entry.fromHub !== null ? (
            <span className="entry-hub">{t('fromHub', { hub: entry.fromHub })}</span>
          ) : entry.shortCode ? (
            <span className="entry-code" dir="ltr" translate="no">
              {entry.shortCode}
            </span>
          ) : (
            t(`source.${entry.source}`)
          )}
        </dd>
        <dt>{t('languages')}</dt>
        <dd>{entry.languages.length > 0 ? languageNames(entry.languages, lng) : t('notStated')}</dd>
        <dt>{t('when')}</dt>
        <dd>
          {entry.slots !== null ? formatSlots(entry.slots, t, lng) : t('notStated')}
          {entry.availability ? <span className="entry-said"> · {t('said', { text: entry.availability })}</span> : null}
          {entry.dateFrom || entry.dateUntil ? (
            <span className="entry-said">
              {' '}
              ·{' '}
              {t('dates', {
                from: entry.dateFrom ? formatDate(entry.dateFrom, lng) : '…',
                until: entry.dateUntil ? formatDate(entry.dateUntil, lng) : '…',
              })}
            </span>
          ) : null}
        </dd>
        <dt>{t('board')}</dt>
        <dd className={entry.expired ? 'entry-expiry-past' : undefined}>
          {entry.expired
            ? t('expired', { date: formatDate(entry.expiresAt, lng) })
            : t('expires', { date: formatDate(entry.expiresAt, lng) })}
        </dd>
      </dl>
      {children}
    </article>
  );
}
