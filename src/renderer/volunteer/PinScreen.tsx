import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { Session } from '../../shared/api/channels/site';
import { useApiMutation, useSession } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { KioskFrame } from '../components/KioskFrame';
import { PinPad } from '../components/PinPad';
import '../styles/shell.css';
import { asyncHandler } from '../async-handler';

/**
 * The volunteer PIN. After too many wrong PINs core makes the kiosk wait; the keypad's OK stays
 * off and the message counts the seconds down, so nobody wastes tries that core would refuse.
 */
export function PinScreen({ siteName, onSession, onCancel }: { siteName: string; onSession(s: Session): void; onCancel(): void }) {
  const { t } = useTranslation('shell');
  const login = useApiMutation('auth.login');
  const session = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((w) => w - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const shown: ApiError | null =
    error?.code === 'volunteers.pin_wait' ? (wait > 0 ? { ...error, params: { ...error.params, seconds: wait } } : null) : error;

  return (
    <KioskFrame
      siteName={siteName}
      title={t('pinTitle')}
      footer={
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      }
    >
      <div className="pin-screen">
        {/* Above the keypad: below it, the message would sit under the footer on a 768 px screen. */}
        <ErrorNotice error={shown} />
        <PinPad
          busy={login.pending || wait > 0}
          onSubmit={asyncHandler(async (pin) => {
            const result = await login.call({ pin });
            if (result.ok) {
              session.start(result.value.token);
              onSession(result.value);
              return;
            }
            setError(result.error);
            const seconds = result.error.params?.seconds;
            if (result.error.code === 'volunteers.pin_wait' && typeof seconds === 'number') setWait(seconds);
          })}
        />
      </div>
    </KioskFrame>
  );
}
