import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';

function day(iso: string | null, language: string): string {
  return iso ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso)) : '';
}

/**
 * For the coordinator: the keys slips are signed with, and a way to start a new one when the
 * computer or a backup may have been copied. Old keys keep checking the slips they signed.
 */
export function KeysPanel() {
  const { t, i18n } = useTranslation('pickup');
  const keys = useApiQuery('slip.keys', {});
  const rotating = useApiMutation('slip.rotate_key', { invalidates: ['slip.keys'] });
  const [asking, setAsking] = useState(false);
  const [rotated, setRotated] = useState(false);
  const rotate = async () => {
    const r = await rotating.call({});
    setAsking(false);
    if (r.ok) setRotated(true);
  };
  return (
    <section className="keys-panel" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keysTitle')}</h2>
      <ul>
        {(keys.data ?? []).map((k) => (
          <li key={k.keyId}>
            {k.active
              ? t('keyActive', { id: k.keyId, date: day(k.createdAt, i18n.language) })
              : t('keyRetired', { id: k.keyId, date: day(k.retiredAt, i18n.language) })}
          </li>
        ))}
      </ul>
      <p>{t('rotateHelp')}</p>
      {asking ? (
        <button type="button" className="button button-primary" onClick={() => void rotate()}>
          {t('rotateConfirm')}
        </button>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
          {t('rotate')}
        </button>
      )}
      {rotated ? (
        <p className="notice notice-ok" role="status">
          {t('rotated')}
        </p>
      ) : null}
      <ErrorNotice error={rotating.error ?? keys.error} />
    </section>
  );
}
