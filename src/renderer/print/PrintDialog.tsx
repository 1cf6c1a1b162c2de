import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PAPERS, PAPER_SPECS, type Paper } from '../../shared/slips/paper';
import type { PrintableSlip } from '../../shared/slips/schemas';
import { SlipPrint } from './SlipPrint';
import { listPrinters, printSlip, savePrintSettings, savedPrintSettings, type Printer } from './shell-print';

const PAPER_LABEL: Record<Paper, string> = { '58': 'size58', '80': 'size80', a4: 'a4', letter: 'letter' };
const PX_PER_MM = 96 / 25.4;

/**
 * Preview and print. The slip is rendered into a portal on <body> so print CSS can show it and
 * nothing else; @page takes the paper's width (and, for a receipt roll, the slip's own length).
 */
export function PrintDialog({ slip, onClose }: { slip: PrintableSlip; onClose(): void }) {
  const { t } = useTranslation('print');
  const [settings, setSettings] = useState(savedPrintSettings);
  const [result, setResult] = useState<'sent' | 'failed' | null>(null);
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const paper = settings.paper;

  // Only the Electron shell can name printers; a browser picks in its own print dialog.
  useEffect(() => {
    void listPrinters().then(setPrinters);
  }, []);

  useEffect(() => {
    const style = document.createElement('style');
    const spec = PAPER_SPECS[paper];
    const height = spec.heightMm ?? Math.ceil((area.current?.scrollHeight ?? 800) / PX_PER_MM) + 6;
    style.textContent = `@page { size: ${spec.widthMm}mm ${height}mm; margin: ${spec.heightMm ? 10 : 0}mm; }`;
    document.head.append(style);
    return () => style.remove();
  }, [paper]);

  const choosePrinter = (printer: string) => {
    const next = { ...settings, printer: printer === '' ? null : printer };
    setSettings(next);
    savePrintSettings(next);
  };

  const choose = (p: Paper) => {
    const next = { ...settings, paper: p };
    setSettings(next);
    savePrintSettings(next);
    setResult(null);
  };

  const print = async () => {
    const spec = PAPER_SPECS[paper];
    const heightMm = spec.heightMm ?? Math.ceil((area.current?.scrollHeight ?? 800) / PX_PER_MM) + 6;
    const out = await printSlip({ paper, printer: settings.printer, heightMm, copyName: slip.shortCode });
    setResult(out.via === 'failed' || (out.via === 'shell' && !out.printed) ? 'failed' : out.via === 'shell' ? 'sent' : null);
  };

  return (
    <div className="print-dialog" role="dialog" aria-modal="true" aria-label={t('dialog')}>
      <div className="print-controls">
        <h2>{t('dialog')}</h2>
        <fieldset className="print-papers">
          <legend>{t('paper')}</legend>
          {PAPERS.map((p) => (
            <button key={p} type="button" className="toggle" aria-pressed={p === paper} onClick={() => choose(p)}>
              {t(PAPER_LABEL[p])}
            </button>
          ))}
        </fieldset>
        {printers ? (
          <label className="print-printer">
            <span>{t('printer')}</span>
            <select value={settings.printer ?? ''} onChange={(e) => choosePrinter(e.target.value)}>
              <option value="">{t('systemDefault')}</option>
              {printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="print-actions">
          <button type="button" className="button button-primary" onClick={() => void print()}>
            {t('print')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        {result === 'sent' ? (
          <p className="notice notice-ok" role="status">
            {t('sent')}
          </p>
        ) : null}
        {result === 'failed' ? (
          <p className="notice notice-error" role="alert">
            {t('failed')}
          </p>
        ) : null}
      </div>
      {createPortal(
        <div className="print-area" ref={area} data-testid="print-area">
          <SlipPrint slip={slip} paper={paper} />
        </div>,
        document.body,
      )}
    </div>
  );
}
