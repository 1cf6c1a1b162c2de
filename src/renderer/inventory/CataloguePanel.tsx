import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../api/query';
import { ErrorNotice, errorKeys } from '../components/ErrorNotice';
import { downloadCsv } from '../format/download';

interface ImportReport {
  issues: { line: number; code: string; field: string | null; params: Record<string, string | number> }[];
  rows: number;
  created: number;
  updated: number;
  imported: boolean;
}

/** The catalogue as a CSV file: export it, or check and import one (bad rows listed by line). */
export function CataloguePanel() {
  const { t } = useTranslation('inventory');
  const { t: te } = useTranslation('errors');
  // Both are actions a tap starts, not reads to keep: an export is a file of this moment.
  const exporting = useApiMutation('inventory.export_csv');
  const importing = useApiMutation('inventory.import_csv');
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const download = async () => {
    importing.reset();
    const r = await exporting.call({});
    if (!r.ok) return;
    downloadCsv('catalogue.csv', r.value.csv);
  };
  const run = async (text: string, mode: 'check' | 'all' | 'valid_only') => {
    exporting.reset();
    const r = await importing.call({ csv: text, mode });
    if (r.ok) setReport(r.value);
  };

  return (
    <section className="inv-panel" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t('catalogue.title')}</h2>
      <div className="inv-actions">
        <button type="button" className="button button-secondary" onClick={() => void download()}>
          {t('catalogue.export')}
        </button>
      </div>
      <label className="field">
        <span>{t('catalogue.importFile')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void file.text().then((text) => {
              setCsv(text);
              void run(text, 'check');
            });
          }}
        />
      </label>
      <ErrorNotice error={importing.error ?? exporting.error} />
      {report && csv !== null ? (
        <div className="inv-card" role="status">
          {report.imported ? (
            <p className="notice notice-ok">{t('catalogue.done', { created: report.created, updated: report.updated })}</p>
          ) : report.issues.length === 0 ? (
            <>
              <p>{t('catalogue.clean', { n: report.rows })}</p>
              <button type="button" className="button button-primary" onClick={() => void run(csv, 'all')}>
                {t('catalogue.import')}
              </button>
            </>
          ) : (
            <>
              <p className="notice notice-error">{t('catalogue.problems', { n: report.issues.length })}</p>
              <ul>
                {report.issues.map((i) => (
                  <li key={`${i.line}-${i.field ?? ''}-${i.code}`}>
                    {t('catalogue.line', { line: i.line })} {te(errorKeys(i.code), { ...i.params, defaultValue: i.code })}
                    {i.field ? ` (${i.field})` : ''}
                  </li>
                ))}
              </ul>
              <button type="button" className="button button-secondary" onClick={() => void run(csv, 'valid_only')}>
                {t('catalogue.importValid')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
