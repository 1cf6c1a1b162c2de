import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipView } from '../../shared/domain/slip';
import { useApiQuery } from '../api/query';
import { QrCode } from '../components/QrCode';
import { formatDay } from '../dates';
import { SlipPrintArea } from '../print/SlipPrintArea';
import { usePrintPage } from '../print/shell-print';

/** The slip on screen: QR, the short code to read aloud, valid-until. Nothing personal. */
export function SlipCard({ slip, large = false, queueNumber = null }: { slip: SlipView; large?: boolean; queueNumber?: number | null }) {
  const { t, i18n } = useTranslation('slip');
  return (
    <section className={large ? 'slip slip-large' : 'slip'} aria-label={t('title')}>
      <QrCode digits={slip.qrDigits} label={t('qrLabel')} />
      <div className="slip-text">
        {queueNumber !== null ? (
          <div className="slip-queue">
            <p className="slip-code-label">{t('queue.number')}</p>
            <p className="slip-queue-number" dir="ltr" data-testid="slip-queue-number">
              {queueNumber}
            </p>
            <p>{t('queue.hint')}</p>
          </div>
        ) : null}
        <p className="slip-code-label">{t('shortCode')}</p>
        <p className="slip-code" dir="ltr" translate="no">
          {slip.shortCode}
        </p>
        <p>{t('validUntil', { date: formatDay(slip.validUntil, i18n.language) })}</p>
        {slip.lines.length > 0 ? (
          <ul className="slip-lines">
            {slip.lines.map((l) => (
              <li key={l.itemId}>
                {l.qty} × {l.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

type PrintStatus = 'loading' | 'printing' | 'ask' | 'screen' | 'failed';

/**
 * The slip just issued at intake, and its paper copy as the site chose: printed at once
 * ('auto'), on the visitor's tap ('ask'), or not at all ('screen'). Without paper (screen only,
 * no printer, a failed print) the code stays large on screen to write down or photograph.
 */
export function IssuedSlip({ slip }: { slip: SlipView }) {
  const { t } = useTranslation('slip');
  const settingsRead = useApiQuery('print.settings', {});
  // The visitor's slip is held only while it is on screen.
  const printableRead = useApiQuery('slip.printable', { slipId: slip.id, qrDigits: slip.qrDigits }, { forget: true });
  const printPage = usePrintPage();
  const settings = settingsRead.data ?? null;
  const printable = printableRead.data ?? null;
  // What the paper did once a print was asked for; before that, what the settings say.
  const [printed, setPrinted] = useState<PrintStatus | null>(null);
  const height = useRef<number | null>(null);
  const busy = useRef(false);
  const autoPrinted = useRef(false);
  const status: PrintStatus =
    printed ??
    (settingsRead.isPending || printableRead.isPending
      ? 'loading'
      : !settings || (settings.mode !== 'screen' && !printable)
        ? 'failed'
        : settings.mode === 'auto'
          ? 'printing'
          : settings.mode);

  const print = useCallback(async () => {
    if (!settings || !printable || busy.current) return;
    busy.current = true;
    setPrinted('printing');
    const out = await printPage({
      paper: settings.paper,
      printer: settings.printer,
      heightMm: height.current ?? 200,
      copyName: printable.shortCode,
    });
    busy.current = false;
    setPrinted(out === 'failed' ? 'failed' : 'printing');
  }, [printPage, settings, printable]);

  // The moment the slip is laid out for paper (the print area's layout effect has run), it prints.
  useEffect(() => {
    if (settings?.mode !== 'auto' || !printable || autoPrinted.current) return;
    autoPrinted.current = true;
    void print();
  }, [settings, printable, print]);

  // One loopback round trip: showing the slip only once it is known how it prints keeps it from
  // jumping down under the notice a moment after it appears (a QR photographed mid-jump fails).
  if (status === 'loading') return null;
  const withoutPaper = status === 'screen' || status === 'failed';
  const canPrint = settings !== null && printable !== null && settings.mode !== 'screen';
  return (
    <>
      {/* One compact row above the slip: what happened to the paper, and the button to print. */}
      <div className="slip-printing">
        {status === 'printing' ? (
          <p className="notice notice-ok" role="status">
            {t('print.printing')}
          </p>
        ) : null}
        {status === 'screen' ? <p className="notice">{t('print.screenOnly')}</p> : null}
        {status === 'failed' ? (
          <p className="notice notice-error" role="alert">
            {t('print.failed')}
          </p>
        ) : null}
        {canPrint ? (
          <button
            type="button"
            className={status === 'ask' ? 'button button-primary' : 'button button-secondary'}
            onClick={() => void print()}
          >
            {status === 'ask' ? t('print.ask') : t('print.again')}
          </button>
        ) : null}
      </div>
      {canPrint ? <SlipPrintArea slip={printable} paper={settings.paper} preview={false} heightRef={height} /> : null}
      <SlipCard slip={slip} large={withoutPaper} queueNumber={printable?.queueNumber ?? null} />
    </>
  );
}
