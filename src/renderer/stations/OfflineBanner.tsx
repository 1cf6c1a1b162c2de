import { useTranslation } from 'react-i18next';
import { useOffline } from '../api/offline';
import './stations.css';

/** Says plainly that the hub cannot be reached while the client retries (a station on lost Wi-Fi). */
export function OfflineBanner() {
  const { t } = useTranslation('stations');
  const offline = useOffline();
  if (!offline) return null;
  return (
    <p className="notice notice-error offline-banner" role="alert">
      {t('offline')}
    </p>
  );
}
