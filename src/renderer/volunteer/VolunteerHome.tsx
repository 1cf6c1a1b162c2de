import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/api/channels/site';
import type { SiteSettings } from '../../shared/domain/site';
import { VOLUNTEER_IDLE_MS } from '../../shared/domain/volunteer';
import { useApiMutation } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { inElectronShell, useIdleLock } from './idle-lock';
import { sectionsFor } from './sections';
import { ShiftBar } from '../month/ShiftBar';
import '../month/month.css';
import '../styles/shell.css';

interface VolunteerHomeProps {
  session: Session;
  siteName: string;
  settings: SiteSettings;
  onExit(): void;
}

/**
 * Volunteer mode: the sections this role may use, as big tabs, and a way back to the kiosk.
 * It locks itself (back to the public kiosk) after a few idle minutes. A coordinator in the
 * Electron shell may also close the kiosk; core checks the role again.
 */
export function VolunteerHome({ session, siteName, settings, onExit }: VolunteerHomeProps) {
  const { t } = useTranslation('common');
  const sections = sectionsFor(session.role);
  const [current, setCurrent] = useState(sections[0]?.id ?? '');
  const active = sections.find((s) => s.id === current) ?? sections[0];
  useIdleLock(VOLUNTEER_IDLE_MS, onExit);
  return (
    <div className="frame">
      <header className="frame-header">
        <span className="site-name">{siteName}</span>
        <span className="volunteer-name">{session.volunteerName}</span>
        {/* The name is as the coordinator typed it (the demo's are English); the role is in the reader's language. */}
        <span className="volunteer-role">{t(`volunteers:roles.${session.role}`)}</span>
        {session.role === 'coordinator' && inElectronShell() ? <QuitButton /> : null}
        <button type="button" className="button button-quiet" onClick={onExit}>
          {t('logout')}
        </button>
      </header>
      {sections.length > 1 ? (
        <nav className="volunteer-nav" aria-label={t('volunteer')}>
          {sections.map((s) => (
            <button
              key={s.id}
              type="button"
              className="tab"
              aria-current={s.id === active?.id ? 'page' : undefined}
              onClick={() => setCurrent(s.id)}
            >
              {t(s.labelKey)}
            </button>
          ))}
        </nav>
      ) : null}
      <ShiftBar session={session} />
      <main className="frame-main">{active ? <active.Component session={session} siteName={siteName} settings={settings} /> : null}</main>
    </div>
  );
}

/** Closing the kiosk hands the computer over, so it asks once more before core is asked. */
function QuitButton() {
  const { t } = useTranslation('shell');
  const quit = useApiMutation('shell.quit');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
        {t('quit')}
      </button>
    );
  }
  return (
    <div className="quit-confirm" role="alertdialog" aria-modal="true" aria-labelledby="quit-question">
      <div className="quit-confirm-box">
        <p id="quit-question">{t('quitConfirm')}</p>
        <ErrorNotice error={quit.error} />
        <div className="quit-confirm-actions">
          {/* Focus goes to the safe choice: a stray Enter keeps the kiosk open. */}
          <button type="button" className="button button-secondary" autoFocus onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
          <button type="button" className="button button-danger" onClick={() => void quit.call({})}>
            {t('quitYes')}
          </button>
        </div>
      </div>
    </div>
  );
}
