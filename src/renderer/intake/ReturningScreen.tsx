import { useTranslation } from 'react-i18next';
import { TextField } from '../kiosk/TextField';

/** A returning visitor scans the last slip (the scanner types digits and Enter) or types its code. */
export function ReturningScreen({ code, onCode, onFind }: { code: string; onCode(c: string): void; onFind(): void }) {
  const { t } = useTranslation('intake');
  return (
    <>
      <p className="lead">{t('returning.hint')}</p>
      <TextField label={t('returning.label')} kind="code" value={code} maxLength={400} onChange={onCode} onEnter={onFind} autoFocus />
    </>
  );
}
