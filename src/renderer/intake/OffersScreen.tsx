import { useTranslation } from 'react-i18next';
import { AVAILABILITY, OFFER_CATEGORIES } from '../../shared/api/channels/intake';
import { AVAILABILITY_ICONS, Icon, OFFER_ICONS } from '../kiosk/Icon';
import { TextField } from '../kiosk/TextField';
import type { IntakeState } from './intake-state';

/** Skills, time and goods a visitor can give, and when: the matching board's input. */
export function OffersScreen({ state, onChange }: { state: IntakeState; onChange(patch: Partial<IntakeState>): void }) {
  const { t } = useTranslation('intake');
  const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <>
      <p className="lead">{t('offers.hint')}</p>
      <ul className="tile-grid" aria-label={t('offers.title')}>
        {OFFER_CATEGORIES.map((c) => (
          <li key={c}>
            <button
              type="button"
              className="tile"
              aria-pressed={state.offers.includes(c)}
              onClick={() => onChange({ offers: toggle(state.offers, c) })}
            >
              <Icon name={OFFER_ICONS[c] ?? 'plus'} size={44} />
              <span>{t(`offerKinds.${c}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="section-title" id="offer-when">
        {t('offers.when')}
      </h2>
      <div className="chip-row" role="group" aria-labelledby="offer-when">
        {AVAILABILITY.map((a) => (
          <button
            key={a}
            type="button"
            className="toggle chip-icon"
            aria-pressed={state.availability.includes(a)}
            onClick={() => onChange({ availability: toggle(state.availability, a) })}
          >
            <Icon name={AVAILABILITY_ICONS[a] ?? 'calendar'} size={28} />
            {t(`availability.${a}`)}
          </button>
        ))}
      </div>
      <TextField
        label={t('offers.detail')}
        hint={t('optional')}
        value={state.offerDetail}
        maxLength={200}
        onChange={(offerDetail) => onChange({ offerDetail })}
      />
      {state.offers.length > 0 ? (
        <button
          type="button"
          className="toggle share-toggle"
          aria-pressed={state.shareOffers}
          onClick={() => onChange({ shareOffers: !state.shareOffers })}
        >
          <Icon name="share" size={28} />
          {t('share.offers')}
        </button>
      ) : null}
    </>
  );
}
