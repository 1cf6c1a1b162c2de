import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DONOR_KINDS, type Donor } from '../../shared/api/channels/donors';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { useApiMutation } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { newRequestId } from '../inventory/request-id';

/** Adds or edits a donor: organisation or person, name, contact (coordinator-only) and language. */
export function DonorForm({
  donor,
  siteLanguage,
  onSaved,
  onCancel,
}: {
  donor: Donor | null;
  siteLanguage: LocaleCode;
  onSaved(d: Donor): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('donors');
  // The list and the receive screen's donor choice show the saved donor.
  const saving = useApiMutation('donors.save', { invalidates: ['donors.contacts', 'donors.list'] });
  // The screen picks a new donor's id, so a double-tapped Save writes one donor.
  const [id] = useState(() => donor?.id ?? newRequestId());
  const [kind, setKind] = useState<Donor['kind']>(donor?.kind ?? 'organisation');
  const [name, setName] = useState(donor?.name ?? '');
  const [contact, setContact] = useState(donor?.contact ?? '');
  const [language, setLanguage] = useState<LocaleCode>(donor?.language ?? siteLanguage);
  const title = donor ? t('form.editTitle') : t('form.newTitle');

  const save = async () => {
    const r = await saving.call({
      id,
      kind,
      name: name.trim(),
      contact: contact.trim() === '' ? null : contact.trim(),
      language,
    });
    if (r.ok) onSaved(r.value);
  };

  return (
    <form
      className="inv-card donor-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{title}</h3>
      <fieldset className="field">
        <legend>{t('form.kind')}</legend>
        <div className="toggle-grid">
          {DONOR_KINDS.map((k) => (
            <button key={k} type="button" className="toggle" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`kind.${k}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <TextField label={t('form.name')} value={name} maxLength={120} required onChange={setName} />
      <TextField label={t('form.contact')} hint={t('form.contactHint')} value={contact} maxLength={200} onChange={setContact} />
      <label className="field">
        <span>{t('form.language')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as LocaleCode)}>
          {LOCALES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorNotice error={saving.error} />
      <div className="inv-actions">
        <button type="submit" className="button button-primary" disabled={name.trim() === ''}>
          {t('form.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
