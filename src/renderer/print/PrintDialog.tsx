import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPERS, type Paper } from '../../shared/slips/paper';
import type { PrintableSlip } from '../../shared/slips/schemas';
import { useApi } from '../api/context';
import { SlipPrintArea } from './SlipPrintArea';
import { printPage } from './shell-print';

export const PAPER_LABEL: Record<Paper, string> = { '58': 'size58', '80': 'size80', a4: 'a4', letter: 'letter' };

/**
 * Preview and print at the pickup table. Paper and printer start from the site's print
 * settings (Kiosk settings); the paper can be changed for this one print.
 */
export function PrintDialog({ slip, onClose }: { slip: PrintableSlip; onClose(): void }) {
  const { t } = useTranslation('print');
  const api = useApi();
  const [paper, setPaper] = useState<Paper | null>(null);
  const [printer, setPrinter] = useState<string | null>(null);
  const [result, setResult] = useState<'sent' | 'failed' | null>(null);
  const height = useRef<number | null>(null);

  useEffect(() => {
    void api.call('print.settings', {}).then((r) => {
      // A paper the volunteer already tapped wins over the site's default arriving late.
      setPaper((chosen) => chosen ?? (r.ok ? r.value.paper : '80'));
      setPrinter(r.ok ? r.value.printer : null);
    });
  }, [api]);

  const print = async () => {
    if (!paper) return;
    const out = await printPage(api, { paper, printer, heightMm: height.current ?? 200, copyName: slip.shortCode });
    setResult(out === 'failed' ? 'failed' : out === 'printed' ? 'sent' : null);
  };

  return (
    <div className="print-dialog" role="dialog" aria-modal="true" aria-label={t('dialog')}>
      <div className="print-controls">
        <h2>{t('dialog')}</h2>
        <fieldset className="print-papers">
          <legend>{t('paper')}</legend>
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
              {t(PAPER_LABEL[p])}
            </button>
          ))}
        </fieldset>
        <div className="print-actions">
          <button type="button" className="button button-primary" disabled={!paper} onClick={() => void print()}>
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
      {paper ? <SlipPrintArea slip={slip} paper={paper} preview heightRef={height} /> : null}
    </div>
  );
}
