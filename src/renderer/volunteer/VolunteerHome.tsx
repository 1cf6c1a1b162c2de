import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/api/channels/site';
import type { SiteSettings } from '../../shared/domain/site';
import { sectionsFor } from './sections';

interface VolunteerHomeProps {
  session: Session;
  siteName: string;
  settings: SiteSettings;
  onExit(): void;
}

/** Volunteer mode: the sections this role may use, as big tabs, and a way back to the kiosk. */
export function VolunteerHome({ session, siteName, settings, onExit }: VolunteerHomeProps) {
  const { t } = useTranslation('common');
  const sections = sectionsFor(session.role);
  const [current, setCurrent] = useState(sections[0]?.id ?? '');
  const active = sections.find((s) => s.id === current) ?? sections[0];
  return (
    <div className="frame">
      <header className="frame-header">
        <span className="site-name">{siteName}</span>
        <span className="volunteer-name">{session.volunteerName}</span>
        <button type="button" className="button button-quiet" onClick={onExit}>
          {t('logout')}
        </button>
      </header>
      {sections.length > 1 ? (
        <nav className="volunteer-nav" aria-label={t('volunteer')}>
          {sections.map((s) => (
            <button key={s.id} type="button" className="tab" aria-current={s.id === active?.id ? 'page' : undefined} onClick={() => setCurrent(s.id)}>
              {t(s.labelKey)}
            </button>
          ))}
        </nav>
      ) : null}
      <main className="frame-main">{active ? <active.Component session={session} siteName={siteName} settings={settings} /> : null}</main>
    </div>
  );
}
