import { useTranslation } from 'react-i18next';
import type { SlipView } from '../../shared/domain/slip';
import { QrCode } from '../components/QrCode';
import { formatDay } from '../dates';

/** The slip on screen: QR, the short code to read aloud, valid-until. Nothing personal. */
export function SlipCard({ slip }: { slip: SlipView }) {
  const { t, i18n } = useTranslation('slip');
  return (
    <section className="slip" aria-label={t('title')}>
      <QrCode digits={slip.qrDigits} label={t('qrLabel')} />
      <div className="slip-text">
        <p className="slip-code-label">{t('shortCode')}</p>
        <p className="slip-code" dir="ltr" translate="no">
          {slip.shortCode}
        </p>
        <p>{t('validUntil', { date: formatDay(slip.validUntil, i18n.language) })}</p>
        {slip.lines.length > 0 ? (
          <ul className="slip-lines">
            {slip.lines.map((l) => (
              <li key={l.itemId}>
                {l.qty} × {l.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
