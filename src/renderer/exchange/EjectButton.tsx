import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../api/query';

/** After a verified write: let the system eject the stick where it can, and say plainly what happened. */
export function EjectButton({ folder }: { folder: string }) {
  const { t } = useTranslation('exchange');
  const ejecting = useApiMutation('exchange.eject');
  const [result, setResult] = useState<boolean | null>(null);
  const eject = async () => {
    const r = await ejecting.call({ folder });
    setResult(r.ok && r.value.ejected);
  };
  if (result === true) {
    return (
      <p className="notice notice-ok" role="status">
        {t('eject.done')}
      </p>
    );
  }
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void eject()}>
        {t('eject.button')}
      </button>
      {result === false ? <p className="hint">{t('eject.notEjected')}</p> : null}
    </>
  );
}
