import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Session } from '../shared/api/channels/site';
import { preferredLocale } from '../shared/locales';
import { useLanguages } from './i18n';
import { useApiQuery, useSession, useSetApiData } from './api/query';
import { ErrorNotice } from './components/ErrorNotice';
import { IntakeFlow } from './intake/IntakeFlow';
import { SetupScreen } from './setup/SetupScreen';
import { VolunteerHome } from './volunteer/VolunteerHome';
import { PinScreen } from './volunteer/PinScreen';
import { PublicScreen } from './public/PublicScreen';
import { StationPairing } from './stations/StationPairing';
import { isStationPage, stationPaired, useUnpaired } from './api/station';

type Mode = { name: 'kiosk' } | { name: 'pin' } | { name: 'volunteer'; session: Session };

/** `setLanguage` switches the UI language and the page direction; created once at boot. */
export function App({ setLanguage }: { setLanguage(code: string): void }) {
  const site = useApiQuery('site.status', {});
  const setData = useSetApiData();
  const session = useSession();
  const [mode, setMode] = useState<Mode>({ name: 'kiosk' });
  // The waiting-room screen lives at #/public: a second browser window or a TV in the window.
  const [publicScreen] = useState(() => window.location.hash === '#/public');
  // A device on the hub's network that has not paired sees only the pairing screen.
  const [paired, setPaired] = useState<boolean | null>(() => (isStationPage(document) ? null : true));

  useEffect(() => {
    if (paired === null) void stationPaired().then(setPaired);
  }, [paired]);
  // Revoked while in use: the next refused call turns the screen to pairing, where a new code
  // from the coordinator is typed on the on-screen keyboard (no reload, no keyboard needed).
  const [revoked, setRevoked] = useState(false);
  const unpaired = useCallback(() => {
    setRevoked(true);
    setPaired(false);
  }, []);
  useUnpaired(unpaired);

  // The site's language once, on the first answer that has a site and before it is painted: a
  // later re-read (after a reconnect) must not switch a visitor who chose another language back.
  // A new install has no site until it is set up or restored from a backup: the answer that
  // brings one (setup's or the restore's) sets the language then, not only the very first answer.
  const languageSet = useRef(false);
  useLayoutEffect(() => {
    if (languageSet.current || !site.data?.setUp) return;
    languageSet.current = true;
    setLanguage(site.data.settings.siteLanguage);
  }, [site.data, setLanguage]);

  // A device that has not paired knows no site yet: its pairing screen speaks the device's own
  // language when the kiosk ships it (a tablet set to Arabic pairs in Arabic).
  useLayoutEffect(() => {
    if (paired === false) setLanguage(preferredLocale(navigator.languages) ?? 'en');
  }, [paired, setLanguage]);

  // Every language the site offers is read before its first screen: the welcome screen names
  // them all, slips print in them, the waiting room rotates through them. The others never are.
  const offered = site.data?.setUp ? [site.data.settings.siteLanguage, ...site.data.settings.languages] : [];
  const languagesIn = useLanguages(offered);
  // Held back only the first time: a language the coordinator adds later comes in behind the
  // screen on show (it re-renders once read), never by blanking it.
  const firstLanguagesIn = useRef(false);
  if (languagesIn && site.data) firstLanguagesIn.current = true;

  if (paired === null) return null;
  if (!paired) return <StationPairing revoked={revoked} onPaired={() => window.location.reload()} />;
  const status = site.data;
  // Nothing while the first answer comes; if it fails, the translated error.
  if (!status) return <ErrorNotice error={site.error} />;
  if (!firstLanguagesIn.current) return null;
  if (!status.setUp) return <SetupScreen onDone={(next) => setData('site.status', {}, next)} />;
  if (publicScreen) return <PublicScreen siteName={status.name} settings={status.settings} setLanguage={setLanguage} />;

  const toKiosk = () => {
    session.end();
    setLanguage(status.settings.siteLanguage);
    setMode({ name: 'kiosk' });
  };

  if (mode.name === 'pin') {
    return <PinScreen siteName={status.name} onCancel={toKiosk} onSession={(session) => setMode({ name: 'volunteer', session })} />;
  }
  if (mode.name === 'volunteer')
    return <VolunteerHome session={mode.session} siteName={status.name} settings={status.settings} onExit={toKiosk} />;
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
