import { useTranslation } from 'react-i18next';
import type { PickLine } from '../../shared/slips/schemas';
import { ltrIsolate } from '../../shared/slips/bidi';
import { Stepper } from '../components/Stepper';
import { formatDay } from '../dates';

/**
 * What to put in the bag, lots by earliest expiry first. Before pickup each line has a "given"
 * count the volunteer can lower (partly given) or set to none (not available); after pickup it
 * shows what happened.
 */
export function PickList({
  lines,
  given,
  onGiven,
}: {
  lines: PickLine[];
  given: Record<string, number> | null;
  onGiven?(itemId: string, qty: number): void;
}) {
  const { t, i18n } = useTranslation('pickup');
  return (
    <ul className="pick-list" aria-label={t('pickList')}>
      {lines.map((line) => {
        const value = given?.[line.itemId] ?? line.givenQty ?? line.qty;
        return (
          <li key={line.itemId} className="pick-line" data-outcome={line.outcome ?? undefined}>
            <div className="pick-item">
              <p className="pick-name">
                <bdi>{line.qty}</bdi> × <bdi>{line.name}</bdi>
              </p>
              <ul className="pick-lots">
                {line.lots.map((lot) => (
                  <li key={lot.lotId ?? 'none'}>
                    {lot.code ? t('lot', { code: ltrIsolate(lot.code) }) : null} ·{' '}
                    {lot.expiresOn ? t('expires', { date: formatDay(lot.expiresOn, i18n.language, 'short') }) : t('noDate')} ·{' '}
                    <strong>{t('takeQty', { qty: lot.qty })}</strong>
                  </li>
                ))}
              </ul>
              {line.outcome === null && line.onHand < line.qty ? (
                <p className="pick-short">{t('short', { qty: Math.max(0, line.onHand) })}</p>
              ) : null}
              {line.outcome === 'given' ? <p className="pick-outcome">{t('outcomeGiven')}</p> : null}
              {line.outcome === 'partial' ? (
                <p className="pick-outcome">{t('outcomePartial', { given: line.givenQty ?? 0, qty: line.qty })}</p>
              ) : null}
              {line.outcome === 'not_available' ? <p className="pick-outcome pick-missing">{t('outcomeNotAvailable')}</p> : null}
            </div>
            {given && onGiven ? (
              <div className="pick-controls">
                <Stepper
                  label={`${t('givenLabel')}: ${line.name}`}
                  value={value}
                  min={0}
                  max={line.qty}
                  onChange={(q) => onGiven(line.itemId, q)}
                />
                <button
                  type="button"
                  className="toggle"
                  aria-pressed={value === 0}
                  onClick={() => onGiven(line.itemId, value === 0 ? Math.min(line.qty, Math.max(0, line.onHand)) : 0)}
                >
                  {t('notAvailable')}
                </button>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
