import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import './stations.css';

/** Says plainly that the hub cannot be reached while the client retries (a station on lost Wi-Fi). */
export function OfflineBanner() {
  const { t } = useTranslation('stations');
  const api = useApi();
  const [offline, setOffline] = useState(false);
  useEffect(() => api.onOffline(setOffline), [api]);
  if (!offline) return null;
  return (
    <p className="notice notice-error offline-banner" role="alert">
      {t('offline')}
    </p>
  );
}
