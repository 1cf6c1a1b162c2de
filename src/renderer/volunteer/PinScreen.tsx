import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { Session } from '../../shared/api/channels/site';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { KioskFrame } from '../components/KioskFrame';
import { PinPad } from '../components/PinPad';

export function PinScreen({ siteName, onSession, onCancel }: { siteName: string; onSession(s: Session): void; onCancel(): void }) {
  const { t } = useTranslation('pickup');
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <KioskFrame
      siteName={siteName}
      title={t('pinTitle')}
      footer={
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      }
    >
      <PinPad
        busy={busy}
        onSubmit={async (pin) => {
          setBusy(true);
          const result = await api.call('auth.login', { pin });
          setBusy(false);
          if (result.ok) {
            api.setSession(result.value.token);
            onSession(result.value);
          } else setError(result.error);
        }}
      />
      <ErrorNotice error={error} />
    </KioskFrame>
  );
}
