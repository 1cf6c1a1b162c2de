import { useTranslation } from 'react-i18next';
import { bandLabel, type AgeBand } from '../../shared/reports/bands';
import { useApiQuery } from '../api/query';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';
import { NumberField } from '../kiosk/NumberField';

/** The two sets food banks ask for most. */
const PRESETS: readonly (readonly AgeBand[])[] = [
  [
    { from: 0, to: 17 },
    { from: 18, to: 64 },
    { from: 65, to: null },
  ],
  [
    { from: 0, to: 17 },
    { from: 18, to: 59 },
    { from: 60, to: null },
  ],
];

interface Row {
  from: string;
  to: string;
}

const toRows = (bands: readonly AgeBand[]): Row[] => bands.map((b) => ({ from: String(b.from), to: b.to === null ? '' : String(b.to) }));

/**
 * The site's age bands, as its food bank counts people: one of the common sets, or its own. The
 * intake asks in them. Core refuses a gap or an overlap (the one rule, shared/reports/bands.ts),
 * and the message names the field; nothing is saved then.
 */
export function BandSettings() {
  const { t } = useTranslation('month');
  const stored = useApiQuery('month.settings', {});
  const editing = useSettingsForm('month.save_settings', {
    stored: stored.data,
    // The report counts in the bands, the intake asks in them, and the unit is saved with them.
    invalidates: ['month.settings', 'month.report', 'intake.config', 'weights.unit'],
    toDraft: (s) => toRows(s.ageBands),
    toInput: (rows, s) => ({ ...s, ageBands: rows.map((r) => ({ from: Number(r.from || 0), to: r.to === '' ? null : Number(r.to) })) }),
  });
  // The coordinator's rows, over the stored bands, until saved.
  const rows = editing.form ?? [];
  const setRows = editing.update;
  const edit = (i: number, key: keyof Row, value: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  return (
    <section className="month-settings no-print" aria-labelledby="bands-title">
      <h2 id="bands-title">{t('bands.title')}</h2>
      <p className="text-field-hint">{t('bands.hint')}</p>
      <div className="month-controls" role="group" aria-label={t('bands.presets')}>
        {PRESETS.map((p) => (
          <button
            key={p.map(bandLabel).join()}
            type="button"
            className="button button-secondary"
            aria-pressed={rows.length === p.length && toRows(p).every((r, i) => r.from === rows[i]?.from && r.to === rows[i]?.to)}
            onClick={() => editing.set(toRows(p))}
          >
            <bdi dir="ltr">{p.map(bandLabel).join(' / ')}</bdi>
          </button>
        ))}
      </div>
      <div className="month-bands">
        {rows.map((r, i) => (
          <div key={i} className="month-band" role="group" aria-label={t('bands.band', { n: i + 1 })}>
            <NumberField label={t('bands.from', { n: i + 1 })} value={r.from} min={0} max={130} onChange={(v) => edit(i, 'from', v)} />
            <NumberField
              label={t('bands.to', { n: i + 1 })}
              hint={i === rows.length - 1 ? t('bands.openHint') : undefined}
              value={r.to}
              min={0}
              max={130}
              onChange={(v) => edit(i, 'to', v)}
            />
          </div>
        ))}
      </div>
      <div className="month-controls">
        <button
          type="button"
          className="button button-secondary"
          disabled={rows.length >= 12}
          onClick={() => setRows((rs) => [...rs, { from: '', to: '' }])}
        >
          {t('bands.add')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={rows.length <= 1}
          onClick={() => setRows((rs) => rs.slice(0, -1))}
        >
          {t('bands.remove')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void editing.save()}>
          {t('bands.save')}
        </button>
      </div>
      <SettingsSaveRow form={editing} savedText={t('saved')} tone="plain" error={editing.saving.error ?? stored.error} />
    </section>
  );
}
