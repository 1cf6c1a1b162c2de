import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { downloadCsv } from '../format/download';
import { formatDay } from '../dates';
import { PaperPicker, PrintActions, usePaperPrint } from '../print/PaperPicker';
import { PaperPrintArea } from '../print/PaperPrintArea';
import { TefapSheetPrint, TefapTable } from './TefapSheetPrint';
import type { MonthPeriod } from './period';

/** A sign-in sheet has many rows: it prints on a page, never on a receipt roll. */
const SHEET_PAPERS = ['a4', 'letter'] as const;

/**
 * What TEFAP mode kept in the period on screen, a distribution day at a time: the day's sheet
 * (who, address, household size, basis, signature) to read on screen, print on A4 or Letter,
 * and the period's records as CSV for the food bank's review. Only the coordinator reaches it;
 * shown while the mode is on, or while the period still holds records.
 */
export function TefapRecords({ period, hub, onPrinting }: { period: MonthPeriod; hub: string; onPrinting(open: boolean): void }) {
  const { t, i18n } = useTranslation('month');
  const mode = useApiQuery('month.tefap_settings', {});
  const days = useApiQuery('month.tefap_days', { from: period.from, to: period.to }, { keepPrevious: true });
  const [chosen, setChosen] = useState<string | null>(null);
  // The newest day of the period until she taps another; a day of another month is not kept.
  const list = days.data ?? [];
  const day = chosen !== null && list.some((d) => d.day === chosen) ? chosen : (list[0]?.day ?? null);
  const sheet = useApiQuery('month.tefap_sheet', { day: day ?? '' }, { enabled: day !== null, keepPrevious: true });
  const records = day !== null ? (sheet.data ?? []) : [];
  const csv = useApiMutation('month.tefap_csv');
  const [printing, setPrinting] = useState(false);
  useEffect(() => onPrinting(printing), [printing, onPrinting]);
  const n = new Intl.NumberFormat(i18n.language);

  if (!mode.data?.enabled && list.length === 0) return null;
  return (
    <section className="month-settings tefap-records no-print" aria-labelledby="tefap-records-title">
      <h2 id="tefap-records-title">{t('tefapRecords.title')}</h2>
      <p className="text-field-hint">{t('tefapRecords.hint')}</p>
      <ErrorNotice error={days.error ?? sheet.error ?? csv.error} />
      {list.length === 0 ? (
        <p>{t('tefapRecords.none')}</p>
      ) : (
        <>
          <div className="chip-row" role="group" aria-label={t('tefapRecords.days')}>
            {list.map((d) => (
              <button key={d.day} type="button" className="toggle" aria-pressed={d.day === day} onClick={() => setChosen(d.day)}>
                {formatDay(d.day, i18n.language, 'short')} ({n.format(d.records)})
              </button>
            ))}
          </div>
          <div className="month-table-wrap">
            <TefapTable records={records} caption={day ? formatDay(day, i18n.language) : undefined} />
          </div>
        </>
      )}
      <div className="month-controls">
        <button type="button" className="button button-primary" disabled={records.length === 0} onClick={() => setPrinting(true)}>
          {t('tefapRecords.print')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={list.length === 0}
          onClick={() =>
            void csv.call({ from: period.from, to: period.to }).then((r) => {
              if (r.ok) downloadCsv(`tefap-${period.month}.csv`, r.value.csv);
            })
          }
        >
          {t('tefapRecords.csv')}
        </button>
      </div>
      {printing && day ? <TefapSheetDialog hub={hub} day={day} records={records} onClose={() => setPrinting(false)} /> : null}
    </section>
  );
}

/** The day's sheet previewed at its paper, printed, or closed. */
function TefapSheetDialog({
  hub,
  day,
  records,
  onClose,
}: {
  hub: string;
  day: string;
  records: Parameters<typeof TefapSheetPrint>[0]['records'];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('month');
  const printing = usePaperPrint('a4', SHEET_PAPERS);
  const height = useRef<number | null>(null);
  const { paper } = printing;
  const title = t('tefapRecords.sheetDialog', { day: formatDay(day, i18n.language) });
  return (
    <div className="print-dialog" role="dialog" aria-modal="true" aria-label={title}>
      <div className="print-controls">
        <h2>{title}</h2>
        <PaperPicker paper={paper} onChoose={printing.choose} papers={SHEET_PAPERS} />
        <PrintActions
          canPrint={paper !== null}
          outcome={printing.outcome}
          onPrint={() => void printing.print({ heightMm: height.current ?? 297, copyName: `TEFAP-${day}` })}
          onClose={onClose}
        />
      </div>
      {paper ? (
        <PaperPrintArea paper={paper} preview heightRef={height} redraw={records}>
          <TefapSheetPrint hub={hub} day={day} records={records} paper={paper} />
        </PaperPrintArea>
      ) : null}
    </div>
  );
}
