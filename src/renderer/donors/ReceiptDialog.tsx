import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donor } from '../../shared/api/channels/donors';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateField } from '../kiosk/DateField';
import { PaperPicker, PrintActions, usePaperPrint } from '../print/PaperPicker';
import { PaperPrintArea } from '../print/PaperPrintArea';
import { DonorReceiptPrint } from './DonorReceiptPrint';
import { useLanguages } from '../i18n';
import './donors.css';

/** The calendar year so far: what a donor usually asks a receipt for. */
function thisYear(now: Date) {
  const y = now.getUTCFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Picks the period and the paper, previews the donor's receipt and prints it. */
export function ReceiptDialog({ donor, onClose }: { donor: Donor; onClose(): void }) {
  const { t } = useTranslation('donors');
  const [period, setPeriod] = useState(() => thisYear(new Date()));
  const printing = usePaperPrint('a4');
  const chosen = period.from !== '' && period.to !== '';
  const read = useApiQuery('donors.receipt', { donorId: donor.id, ...period }, { enabled: chosen });
  const receipt = chosen ? (read.data ?? null) : null;
  const height = useRef<number | null>(null);
  const { paper } = printing;
  // The receipt is in the donor's language, which the site may not offer on its screens.
  const languageIn = useLanguages([donor.language]);

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
        <PaperPicker paper={paper} onChoose={printing.choose} />
        <ErrorNotice error={chosen ? read.error : null} />
        <PrintActions
          canPrint={paper !== null && receipt !== null && languageIn}
          outcome={printing.outcome}
          onPrint={() => {
            if (receipt) void printing.print({ heightMm: height.current ?? 200, copyName: 'DONOR-RECEIPT' });
          }}
          onClose={onClose}
        />
      </div>
      {paper && receipt && languageIn ? (
        <PaperPrintArea paper={paper} preview heightRef={height} redraw={receipt}>
          <DonorReceiptPrint receipt={receipt} paper={paper} />
        </PaperPrintArea>
      ) : null}
    </div>
  );
}
