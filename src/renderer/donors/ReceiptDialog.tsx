import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donor, DonorReceipt } from '../../shared/api/channels/donors';
import type { ApiError } from '../../shared/api/errors';
import { PAPERS, type Paper } from '../../shared/slips/paper';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateField } from '../kiosk/DateField';
import { PAPER_LABEL } from '../print/PrintDialog';
import { PaperPrintArea } from '../print/PaperPrintArea';
import { printPage } from '../print/shell-print';
import { DonorReceiptPrint } from './DonorReceiptPrint';
import './donors.css';

/** The calendar year so far: what a donor usually asks a receipt for. */
function thisYear(now: Date) {
  const y = now.getUTCFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Picks the period and the paper, previews the donor's receipt and prints it. */
export function ReceiptDialog({ donor, onClose }: { donor: Donor; onClose(): void }) {
  const { t } = useTranslation('donors');
  const { t: tp } = useTranslation('print');
  const api = useApi();
  const [period, setPeriod] = useState(() => thisYear(new Date()));
  const [paper, setPaper] = useState<Paper | null>(null);
  const [printer, setPrinter] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<DonorReceipt | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<'sent' | 'failed' | null>(null);
  const height = useRef<number | null>(null);

  useEffect(() => {
    void api.call('print.settings', {}).then((r) => {
      setPaper((chosen) => chosen ?? (r.ok ? r.value.paper : 'a4'));
      setPrinter(r.ok ? r.value.printer : null);
    });
  }, [api]);

  useEffect(() => {
    let live = true;
    setReceipt(null);
    setError(null);
    if (period.from === '' || period.to === '') return;
    void api.call('donors.receipt', { donorId: donor.id, ...period }).then((r) => {
      if (!live) return;
      if (r.ok) setReceipt(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, donor.id, period]);

  const print = async () => {
    if (!paper || !receipt) return;
    const out = await printPage(api, { paper, printer, heightMm: height.current ?? 200, copyName: 'DONOR-RECEIPT' });
    setResult(out === 'failed' ? 'failed' : out === 'printed' ? 'sent' : null);
  };

  return (
    <div
      className="print-dialog donor-receipt-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={t('receipt.dialog', { name: donor.name })}
    >
      <div className="print-controls">
        <h2>{t('receipt.dialog', { name: donor.name })}</h2>
        <DateField label={t('receipt.from')} value={period.from} onChange={(from) => setPeriod((p) => ({ ...p, from }))} />
        <DateField label={t('receipt.to')} value={period.to} onChange={(to) => setPeriod((p) => ({ ...p, to }))} />
        <fieldset className="print-papers">
          <legend>{tp('paper')}</legend>
          {PAPERS.map((p) => (
            <button
              key={p}
              type="button"
              className="toggle"
              aria-pressed={p === paper}
              onClick={() => {
                setPaper(p);
                setResult(null);
              }}
            >
              {tp(PAPER_LABEL[p])}
            </button>
          ))}
        </fieldset>
        <ErrorNotice error={error} />
        <div className="print-actions">
          <button type="button" className="button button-primary" disabled={!paper || !receipt} onClick={() => void print()}>
            {tp('print')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {tp('close')}
          </button>
        </div>
        {result === 'sent' ? (
          <p className="notice notice-ok" role="status">
            {tp('sent')}
          </p>
        ) : null}
        {result === 'failed' ? (
          <p className="notice notice-error" role="alert">
            {tp('failed')}
          </p>
        ) : null}
      </div>
      {paper && receipt ? (
        <PaperPrintArea paper={paper} preview heightRef={height} redraw={receipt}>
          <DonorReceiptPrint receipt={receipt} paper={paper} />
        </PaperPrintArea>
      ) : null}
    </div>
  );
}
