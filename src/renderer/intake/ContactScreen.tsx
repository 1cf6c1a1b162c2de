import { useTranslation } from 'react-i18next';
import { Icon } from '../kiosk/Icon';
import { TextField } from '../kiosk/TextField';
import type { IntakeState } from './intake-state';

/** Optional: a first name or nickname, a phone for a callback, and plainly what is kept. */
export function ContactScreen({
  state,
  contactDays,
  onChange,
}: {
  state: IntakeState;
  /** The site's retention: core forgets a name and phone this many days after the last visit. */
  contactDays: number;
  onChange(patch: Partial<IntakeState>): void;
}) {
  const { t } = useTranslation('intake');
  return (
    <>
      {state.contactOnFile ? (
        // Kept for this household already: never shown (the slip may be in a finder's hands),
        // never replaced, and nothing is sent (intake.contact_on_file).
        <p className="lead">{t('contact.onFile')}</p>
      ) : (
        <>
          <p className="lead">{t('contact.hint')}</p>
          <TextField
            label={t('contact.name')}
            hint={t('optional')}
            value={state.firstName}
            maxLength={40}
            onChange={(firstName) => onChange({ firstName })}
          />
          <TextField
            label={t('contact.phone')}
            hint={t('optional')}
            kind="phone"
            value={state.phone}
            maxLength={20}
            onChange={(phone) => onChange({ phone: phone.replace(/[^\d+\s().-]/g, '') })}
          />
        </>
      )}
      <section className="privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title" className="section-title">
          <Icon name="lock" size={32} />
          {t('privacy.title')}
        </h2>
        <ul>
          <li>{t('privacy.what')}</li>
          <li>{t('privacy.never')}</li>
          <li>{t('privacy.where')}</li>
          <li>{t('privacy.who')}</li>
          <li>{t('privacy.howLong', { count: contactDays })}</li>
        </ul>
      </section>
    </>
  );
}
