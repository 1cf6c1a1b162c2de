import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintSettings } from '../../shared/api/channels/printing';
import type { SlipView } from '../../shared/domain/slip';
import type { PrintableSlip } from '../../shared/slips/schemas';
import { useApi } from '../api/context';
import { QrCode } from '../components/QrCode';
import { formatDay } from '../dates';
import { SlipPrintArea } from '../print/SlipPrintArea';
import { printPage } from '../print/shell-print';

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
  const api = useApi();
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [printable, setPrintable] = useState<PrintableSlip | null>(null);
  const [status, setStatus] = useState<PrintStatus>('loading');
  const height = useRef<number | null>(null);
  const busy = useRef(false);
  const autoPrinted = useRef(false);

  useEffect(() => {
    let live = true;
    void Promise.all([api.call('print.settings', {}), api.call('slip.printable', { slipId: slip.id, qrDigits: slip.qrDigits })]).then(
      ([s, p]) => {
        if (!live) return;
        if (!s.ok || (s.value.mode !== 'screen' && !p.ok)) return setStatus('failed');
        setSettings(s.value);
        if (p.ok) setPrintable(p.value);
        setStatus(s.value.mode === 'auto' ? 'printing' : s.value.mode);
      },
    );
    return () => {
      live = false;
    };
  }, [api, slip.id, slip.qrDigits]);

  const print = useCallback(async () => {
    if (!settings || !printable || busy.current) return;
    busy.current = true;
    setStatus('printing');
    const out = await printPage(api, {
      paper: settings.paper,
      printer: settings.printer,
      heightMm: height.current ?? 200,
      copyName: printable.shortCode,
    });
    busy.current = false;
    setStatus(out === 'failed' ? 'failed' : 'printing');
  }, [api, settings, printable]);

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
