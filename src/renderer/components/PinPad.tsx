import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A touch keypad for the volunteer PIN; the physical keyboard works too. */
export function PinPad({ onSubmit, busy }: { onSubmit(pin: string): void; busy?: boolean }) {
  const { t } = useTranslation('common');
  const [pin, setPin] = useState('');
  const press = (d: string) => setPin((p) => (p.length < 8 ? p + d : p));
  const submit = () => {
    if (pin.length >= 4) {
      onSubmit(pin);
      setPin('');
    }
  };
  return (
    <form
      className="pinpad"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="pinpad-display">
        <span className="visually-hidden">{t('pin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          maxLength={8}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <div className="pinpad-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" className="key" onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <button type="button" className="key" aria-label={t('erase')} onClick={() => setPin((p) => p.slice(0, -1))}>
          ⌫
        </button>
        <button type="button" className="key" onClick={() => press('0')}>
          0
        </button>
        <button type="submit" className="key key-ok" disabled={busy || pin.length < 4}>
          {t('ok')}
        </button>
      </div>
    </form>
  );
}
