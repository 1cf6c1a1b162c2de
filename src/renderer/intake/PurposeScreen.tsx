import { useTranslation } from 'react-i18next';
import type { Purpose } from '../../shared/api/channels/intake';
import { Icon, type IconName } from '../kiosk/Icon';

interface PurposeScreenProps {
  value: Purpose | null;
  onPick(p: Purpose): void;
  /** Offered again after the language: a returning visitor need not find it in English first. */
  onReturning?: () => void;
}

/** Solidarity, not charity: asking and offering sit side by side, same size, same weight. */
export function PurposeScreen({ value, onPick, onReturning }: PurposeScreenProps) {
  const { t } = useTranslation('intake');
  const choices: { key: Purpose; icon: IconName }[] = [
    { key: 'need', icon: 'basket' },
    { key: 'offer', icon: 'heart' },
    { key: 'both', icon: 'both' },
  ];
  return (
    <>
      <div className="choice-grid">
        {choices.map((c) => (
          <button key={c.key} type="button" className="choice-button" aria-pressed={value === c.key} onClick={() => onPick(c.key)}>
            <Icon name={c.icon} size={72} />
            <span className="choice-title">{t(`purpose.${c.key}`)}</span>
            <span className="choice-hint">{t(`purpose.${c.key}Hint`)}</span>
          </button>
        ))}
      </div>
      {onReturning ? (
        <button type="button" className="button button-secondary returning-button" onClick={onReturning}>
          <Icon name="ticket" size={36} />
          {t('returning.button')}
        </button>
      ) : null}
    </>
  );
}
