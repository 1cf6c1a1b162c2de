import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { NumberField } from '../kiosk/NumberField';
import { TextField } from '../kiosk/TextField';

interface Draft {
  enabled: boolean;
  declaration: string;
  /** As typed on the number pad. */
  retentionDays: string;
}

/**
 * TEFAP mode (7 CFR 251.10), opt-in per site and off until a coordinator turns it on here: the
 * state's self-declaration the visitor signs, and how many days records are kept before they
 * are forgotten. Core refuses the mode on without a declaration, and a retention out of range,
 * naming the field; nothing is saved then.
 */
export function TefapSettings() {
  const { t } = useTranslation('month');
  const stored = useApiQuery('month.tefap_settings', {});
  // The report counts TEFAP households, and the intake asks for the declaration.
  const saving = useApiMutation('month.save_tefap_settings', { invalidates: ['month.tefap_settings', 'intake.config', 'month.report'] });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const s = stored.data;
  const form: Draft | null =
    draft ?? (s ? { enabled: s.enabled, declaration: s.declaration, retentionDays: String(s.retentionDays) } : null);
  if (!form) return <ErrorNotice error={stored.error} />;

  const change = (p: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...form, ...p });
  };
  const save = async () => {
    const r = await saving.call({ enabled: form.enabled, declaration: form.declaration, retentionDays: Number(form.retentionDays || 0) });
    if (!r.ok) return setSaved(false);
    setDraft({ enabled: r.value.enabled, declaration: r.value.declaration, retentionDays: String(r.value.retentionDays) });
    setSaved(true);
  };

  return (
    <section className="month-settings no-print" aria-labelledby="tefap-title">
      <h2 id="tefap-title">{t('tefap.title')}</h2>
      <p className="text-field-hint">{t('tefap.hint')}</p>
      <button type="button" className="toggle" aria-pressed={form.enabled} onClick={() => change({ enabled: !form.enabled })}>
        {t('tefap.enabled')}
      </button>
      <TextField
        label={t('tefap.declaration')}
        hint={t('tefap.declarationHint')}
        value={form.declaration}
        maxLength={4000}
        multiline
        onChange={(declaration) => change({ declaration })}
      />
      <NumberField
        label={t('tefap.retention')}
        hint={t('tefap.retentionHint')}
        value={form.retentionDays}
        min={0}
        max={3650}
        onChange={(retentionDays) => change({ retentionDays })}
      />
      <div className="month-controls">
        <button type="button" className="button button-primary" disabled={saving.pending} onClick={() => void save()}>
          {t('tefap.save')}
        </button>
      </div>
      <ErrorNotice error={saving.error} />
      {saved ? (
        <p className="notice" role="status">
          {t('saved')}
        </p>
      ) : null}
    </section>
  );
}
