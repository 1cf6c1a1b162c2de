import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPERS, type Paper } from '../../shared/slips/paper';
import { useApiQuery } from '../api/query';
import { usePrintPage, type PrintResult } from './shell-print';

export const PAPER_LABEL: Record<Paper, string> = { '58': 'size58', '80': 'size80', a4: 'a4', letter: 'letter' };

/** What a print dialog shows after Print: sent to the printer, failed, or nothing (the browser's print has it). */
export type PrintOutcome = 'sent' | 'failed' | null;

function outcomeOf(result: PrintResult): PrintOutcome {
  return result === 'failed' ? 'failed' : result === 'printed' ? 'sent' : null;
}

/**
 * One print from a dialog: paper and printer start from the site's print settings (Kiosk
 * settings); `fallback` is the paper when they cannot be read, or when the site's paper is not
 * one this printout comes on (`papers`: a sheet of many rows is not for a receipt roll). A paper
 * the volunteer already tapped wins over the site's default arriving late. Changing the paper
 * clears the last outcome.
 */
export function usePaperPrint(fallback: Paper, papers: readonly Paper[] = PAPERS) {
  const settings = useApiQuery('print.settings', {});
  const printPage = usePrintPage();
  const [chosen, setChosen] = useState<Paper | null>(null);
  const [outcome, setOutcome] = useState<PrintOutcome>(null);
  const site = settings.data?.paper;
  const paper = chosen ?? (site ? (papers.includes(site) ? site : fallback) : settings.isError ? fallback : null);
  const printer = settings.data?.printer ?? null;
  return {
    paper,
    outcome,
    choose(next: Paper) {
      setChosen(next);
      setOutcome(null);
    },
    async print(job: { heightMm: number; copyName: string }) {
      if (!paper) return;
      setOutcome(outcomeOf(await printPage({ paper, printer, ...job })));
    },
  };
}

/** The papers to choose from for this one print, as toggles. */
export function PaperPicker({
  paper,
  onChoose,
  papers = PAPERS,
}: {
  paper: Paper | null;
  onChoose(paper: Paper): void;
  papers?: readonly Paper[];
}) {
  const { t } = useTranslation('print');
  return (
    <fieldset className="print-papers">
      <legend>{t('paper')}</legend>
      {papers.map((p) => (
        <button key={p} type="button" className="toggle" aria-pressed={p === paper} onClick={() => onChoose(p)}>
          {t(PAPER_LABEL[p])}
        </button>
      ))}
    </fieldset>
  );
}

/** Print and Close, and what came of the last print. */
export function PrintActions({
  canPrint,
  outcome,
  onPrint,
  onClose,
}: {
  canPrint: boolean;
  outcome: PrintOutcome;
  onPrint(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('print');
  return (
    <>
      <div className="print-actions">
        <button type="button" className="button button-primary" disabled={!canPrint} onClick={onPrint}>
          {t('print')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {outcome === 'sent' ? (
        <p className="notice notice-ok" role="status">
          {t('sent')}
        </p>
      ) : null}
      {outcome === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {t('failed')}
        </p>
      ) : null}
    </>
  );
}
