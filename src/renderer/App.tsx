import { useEffect, useState } from 'react';
import type { ApiError } from '../shared/api/errors';
import type { Session } from '../shared/api/channels/site';
import type { SiteStatus } from '../shared/domain/site';
import { useApi } from './api/context';
import { ErrorNotice } from './components/ErrorNotice';
import { IntakeFlow } from './intake/IntakeFlow';
import { SetupScreen } from './setup/SetupScreen';
import { VolunteerHome } from './volunteer/VolunteerHome';
import { PinScreen } from './volunteer/PinScreen';
import { PublicScreen } from './public/PublicScreen';
import { StationPairing, isStationPage, stationPaired } from './stations/StationPairing';

type Mode = { name: 'kiosk' } | { name: 'pin' } | { name: 'volunteer'; session: Session };

/** `setLanguage` switches the UI language and the page direction; created once at boot. */
export function App({ setLanguage }: { setLanguage(code: string): void }) {
  const api = useApi();
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [mode, setMode] = useState<Mode>({ name: 'kiosk' });
  // The waiting-room screen lives at #/public: a second browser window or a TV in the window.
  const [publicScreen] = useState(() => window.location.hash === '#/public');
  // A device on the hub's network that has not paired sees only the pairing screen.
  const [paired, setPaired] = useState<boolean | null>(() => (isStationPage(document) ? null : true));

  useEffect(() => {
    if (paired === null) void stationPaired().then(setPaired);
  }, [paired]);

  useEffect(() => {
    void api.call('site.status', {}).then((result) => {
      if (!result.ok) return setError(result.error);
      setStatus(result.value);
      if (result.value.setUp) setLanguage(result.value.settings.siteLanguage);
    });
  }, [api, setLanguage]);

  if (paired === null) return null;
  if (!paired) return <StationPairing onPaired={() => window.location.reload()} />;
  if (error) return <ErrorNotice error={error} />;
  if (!status) return null;
  if (!status.setUp) return <SetupScreen onDone={setStatus} />;
  if (publicScreen) return <PublicScreen siteName={status.name} settings={status.settings} setLanguage={setLanguage} />;

  const toKiosk = () => {
    if (mode.name === 'volunteer') void api.call('auth.logout', {});
    api.setSession(null);
    setLanguage(status.settings.siteLanguage);
    setMode({ name: 'kiosk' });
  };

  if (mode.name === 'pin') {
    return <PinScreen siteName={status.name} onCancel={toKiosk} onSession={(session) => setMode({ name: 'volunteer', session })} />;
  }
  if (mode.name === 'volunteer') return <VolunteerHome session={mode.session} siteName={status.name} settings={status.settings} onExit={toKiosk} />;
  return (
    <IntakeFlow
      siteName={status.name}
      settings={status.settings}
      onLanguage={setLanguage}
      onVolunteer={() => {
        setLanguage(status.settings.siteLanguage);
        setMode({ name: 'pin' });
      }}
    />
  );
}
