import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableSlip } from '../../shared/slips/schemas';
import { PaperPicker, PrintActions, usePaperPrint } from './PaperPicker';
import { SlipPrintArea } from './SlipPrintArea';

/**
 * Preview and print at the pickup table. Paper and printer start from the site's print
 * settings (Kiosk settings); the paper can be changed for this one print.
 */
export function PrintDialog({ slip, onClose }: { slip: PrintableSlip; onClose(): void }) {
  const { t } = useTranslation('print');
  const printing = usePaperPrint('80');
  const height = useRef<number | null>(null);
  const { paper } = printing;
  return (
    <div className="print-dialog" role="dialog" aria-modal="true" aria-label={t('dialog')}>
      <div className="print-controls">
        <h2>{t('dialog')}</h2>
        <PaperPicker paper={paper} onChoose={printing.choose} />
        <PrintActions
          canPrint={paper !== null}
          outcome={printing.outcome}
          onPrint={() => void printing.print({ heightMm: height.current ?? 200, copyName: slip.shortCode })}
          onClose={onClose}
        />
      </div>
      {paper ? <SlipPrintArea slip={slip} paper={paper} preview heightRef={height} /> : null}
    </div>
  );
}
