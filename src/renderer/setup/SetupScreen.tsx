import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguages } from '../i18n';
import type { SiteStatus } from '../../shared/domain/site';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { useApiMutation } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { RestoreBackup } from '../exchange/RestoreBackup';
import { TextField } from '../kiosk/TextField';
import '../styles/intake.css';

/** First run: the site's name, the languages it offers, the coordinator's name and PIN. */
export function SetupScreen({ onDone }: { onDone(status: SiteStatus): void }) {
  const { t } = useTranslation('setup');
  const setup = useApiMutation('site.setup');
  const [name, setName] = useState('');
  // Every shipped language to start with: a new hub otherwise offered only English to visitors
  // until the coordinator found the setting. Unticking is one tap each.
  const [languages, setLanguages] = useState<LocaleCode[]>(() => LOCALES.map((l) => l.code));
  const [siteLanguage, setSiteLanguage] = useState<LocaleCode>('en');
  // The coordinator's default name is said in the site's language: read it once chosen.
  useLanguages([siteLanguage]);
  const [coordinatorName, setCoordinatorName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const toggle = (code: LocaleCode) =>
    setLanguages((ls) => (ls.includes(code) ? (ls.length > 1 ? ls.filter((l) => l !== code) : ls) : [...ls, code]));

  const submit = async () => {
    setMismatch(pin !== pinAgain);
    if (pin !== pinAgain) return;
    const langs = languages.includes(siteLanguage) ? languages : [siteLanguage, ...languages];
    // Left empty, the coordinator is called "coordinator" in the language volunteers will read.
    const you = coordinatorName.trim() || t('coordinatorDefault', { lng: siteLanguage });
    const result = await setup.call({ name, languages: langs, siteLanguage, pin, coordinatorName: you });
    if (result.ok) onDone(result.value);
  };

  return (
    <div className="frame">
      <main className="frame-main setup">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {/* A touch screen at first run has no keyboard: each field brings up the on-screen one. */}
          <TextField label={t('siteName')} value={name} maxLength={80} onChange={setName} required />
          <fieldset className="field">
            <legend>{t('languages')}</legend>
            <div className="toggle-grid">
              {LOCALES.map((l) => (
                <button
                  key={l.code}
                  type="button"
                  className="toggle"
                  aria-pressed={languages.includes(l.code)}
                  lang={l.code}
                  dir={l.dir}
                  onClick={() => toggle(l.code)}
                >
                  {l.name}
                </button>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span>{t('siteLanguage')}</span>
            <select value={siteLanguage} onChange={(e) => setSiteLanguage(e.target.value as LocaleCode)}>
              {LOCALES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <TextField label={t('yourName')} hint={t('yourNameHint')} value={coordinatorName} maxLength={60} onChange={setCoordinatorName} />
          <TextField
            label={t('pin')}
            hint={t('pinHint')}
            kind="pin"
            value={pin}
            maxLength={8}
            onChange={(v) => setPin(v.replace(/\D/g, ''))}
          />
          <TextField label={t('pinAgain')} kind="pin" value={pinAgain} maxLength={8} onChange={(v) => setPinAgain(v.replace(/\D/g, ''))} />
          {mismatch ? (
            <p className="notice notice-error" role="alert">
              {t('pinMismatch')}
            </p>
          ) : null}
          <ErrorNotice error={setup.error} />
          <button type="submit" className="button button-primary">
            {t('save')}
          </button>
        </form>
        <RestoreBackup onDone={onDone} />
      </main>
    </div>
  );
}
