import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { PickupView, PrintableSlip } from '../../shared/slips/schemas';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { useIntoView } from '../components/use-into-view';
import { TextField } from '../kiosk/TextField';
import { PrintDialog } from '../print/PrintDialog';
import type { SectionProps } from '../volunteer/section-props';
import { CameraScanner } from './CameraScanner';
import { DayView } from './DayView';
import { PickList } from './PickList';
import { formatDay } from '../dates';
import { useScanner } from '../scanner/use-scanner';
import './pickup.css';
import { useLive } from '../api/live';
import { QueuePanel } from '../stations/QueuePanel';

const TABLE_KEY = 'kiosk.pickupTable';

function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * Which table this computer is: a device setting (a table number is nothing personal), so a
 * second scan can say where a slip went and the waiting-room screen where to go when it calls.
 */
function savedTable(): string {
  return window.localStorage.getItem(TABLE_KEY) ?? '1';
}

function initialGiven(slip: PickupView): Record<string, number> | null {
  if (slip.status.state !== 'issued') return null;
  return Object.fromEntries(slip.pickList.map((l) => [l.itemId, Math.max(0, Math.min(l.qty, l.onHand))]));
}

/**
 * The pickup table. A USB scanner works anywhere on the screen (fast keys ending in Enter), the
 * camera behind a button, or the short code typed in. A valid slip shows its pick list; the
 * volunteer marks what was given or not available and confirms. Every other case gets a clear
 * answer.
 */
export function PickupScreen({ session }: SectionProps) {
  const { t, i18n } = useTranslation('pickup');
  const api = useApi();
  const [view, setView] = useState<'scan' | 'day'>('scan');
  const [code, setCode] = useState('');
  const [slip, setSlip] = useState<PickupView | null>(null);
  // A slip that comes up takes the screen from its code down: on a 768-pixel laptop the pick
  // list and its actions then fit together, with no bar laid over the list.
  const slipSection = useIntoView<HTMLElement>(slip?.id ?? null);
  const [given, setGiven] = useState<Record<string, number> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [camera, setCamera] = useState(false);
  const [voiding, setVoiding] = useState<string | null>(null);
  const [printable, setPrintable] = useState<PrintableSlip | null>(null);
  const [busy, setBusy] = useState(false);
  const [table, setTable] = useState(savedTable);
  const changeTable = (next: string) => {
    setTable(next);
    window.localStorage.setItem(TABLE_KEY, next);
  };

  const show = (next: PickupView | null, err: ApiError | null = null, justDone = false) => {
    setSlip(next);
    setGiven(next ? initialGiven(next) : null);
    setError(err);
    setDone(justDone);
    setVoiding(null);
  };

  const find = useCallback(
    async (raw: string) => {
      setView('scan');
      setCamera(false);
      const result = await api.call('slip.lookup', { code: raw });
      // Found: the field is ready for the next slip. Not found: keep what was typed to correct it.
      if (result.ok) {
        show(result.value);
        setCode('');
      } else show(null, result.error);
    },
    [api],
  );

  // The slip on screen was redeemed or voided at another table: show that, not a stale pick list.
  useLive(['slips'], () => {
    if (slip && slip.status.state === 'issued' && !busy) void find(slip.shortCode);
  });

  const onScan = useCallback(
    (scanned: string) => {
      setCode('');
      void find(scanned);
    },
    [find],
  );
  useScanner(onScan, printable === null);

  const redeem = async () => {
    if (!slip || busy) return;
    setBusy(true);
    const lines = slip.pickList.map((l) => ({ itemId: l.itemId, givenQty: given?.[l.itemId] ?? l.qty }));
    const result = await api.call('slip.redeem', { slipId: slip.id, table: table.trim() === '' ? null : table.trim(), lines });
    setBusy(false);
    if (result.ok) {
      show(result.value, null, true);
      setCode('');
    } else if (result.error.code === 'slip.already_redeemed') {
      // Another table was quicker: show when and where, from the slip itself.
      await find(slip.shortCode);
    } else setError(result.error);
  };

  const voidSlip = async () => {
    if (!slip || voiding === null) return;
    const result = await api.call('slip.void', { slipId: slip.id, reason: voiding });
    if (result.ok) show(result.value);
    else setError(result.error);
  };

  const reprint = async () => {
    if (!slip) return;
    const result = await api.call('slip.reprint', { slipId: slip.id });
    if (result.ok) setPrintable(result.value);
    else setError(result.error);
  };

  const status = slip?.status;
  const voidReasonValid = (voiding ?? '').trim().length >= 3;
  return (
    <div className="pickup">
      <div className="pickup-head">
        <h1>{t('title')}</h1>
        <div className="pickup-views">
          <button type="button" className="tab" aria-pressed={view === 'scan'} onClick={() => setView('scan')}>
            {t('scanTab')}
          </button>
          <button type="button" className="tab" aria-pressed={view === 'day'} onClick={() => setView('day')}>
            {t('dayTab')}
          </button>
        </div>
      </div>
      <QueuePanel table={table} onTable={changeTable} />
      {view === 'day' ? (
        <DayView onOpen={(shortCode) => void find(shortCode)} coordinator={session.role === 'coordinator'} />
      ) : (
        <>
          <form
            className="lookup"
            onSubmit={(e) => {
              e.preventDefault();
              void find(code);
            }}
          >
            <TextField
              id="slip-code"
              kind="code"
              scanField
              autoFocus
              label={t('codeLabel')}
              value={code}
              // A scanner may type the whole QR payload here, not only the short code.
              maxLength={4096}
              onChange={setCode}
              action={
                <>
                  <button type="submit" className="button button-primary" disabled={code.trim() === ''}>
                    {t('find')}
                  </button>
                  <button type="button" className="button button-secondary" aria-pressed={camera} onClick={() => setCamera((c) => !c)}>
                    {t('camera')}
                  </button>
                </>
              }
            />
            <p className="pickup-hint">{t('scannerHint')}</p>
          </form>
          {camera ? <CameraScanner onScan={onScan} onClose={() => setCamera(false)} /> : null}
          <ErrorNotice error={error} />
          {slip && status ? (
            <section ref={slipSection} className="pickup-slip" aria-label={t('slipFound')}>
              <div className="pickup-slip-head">
                <p className="slip-code" dir="ltr" translate="no">
                  {slip.shortCode}
                </p>
                <p>{t('household', { count: slip.householdSize })}</p>
              </div>
              {status.state === 'redeemed' ? (
                <p className={done ? 'notice notice-ok' : 'notice notice-error'} role="status">
                  {done
                    ? slip.pickupOutcome === 'partial'
                      ? t('pickedUpPartly')
                      : t('pickedUpNow')
                    : t('alreadyPickedUp', { time: formatTime(status.at, i18n.language), table: status.table ?? '—' })}
                </p>
              ) : null}
              {status.state === 'expired' ? (
                <p className="notice notice-error" role="status">
                  {t('expired', { date: formatDay(slip.validUntil, i18n.language) })}
                </p>
              ) : null}
              {status.state === 'void' ? (
                <p className="notice notice-error" role="status">
                  {t('voided', { reason: slip.voidReason ?? '' })}
                </p>
              ) : null}
              {slip.pickList.length > 0 ? (
                <PickList
                  lines={slip.pickList}
                  given={status.state === 'issued' ? given : null}
                  onGiven={(itemId, qty) => setGiven((g) => ({ ...g, [itemId]: qty }))}
                />
              ) : (
                <p>{t('noItems')}</p>
              )}
              {status.state === 'issued' && voiding === null ? (
                <div className="pickup-actions">
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void redeem()}>
                    {t('markPickedUp')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => void reprint()}>
                    {t('reprint')}
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setVoiding('')}>
                    {t('voidSlip')}
                  </button>
                </div>
              ) : null}
              {status.state === 'issued' && voiding !== null ? (
                <form
                  className="void-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void voidSlip();
                  }}
                >
                  <TextField id="void-reason" label={t('voidReason')} value={voiding} maxLength={200} onChange={setVoiding} />
                  <div className="pickup-actions">
                    <button type="submit" className="button button-primary" disabled={!voidReasonValid}>
                      {t('voidConfirm')}
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => setVoiding(null)}>
                      {t('keep')}
                    </button>
                  </div>
                </form>
              ) : null}
              {status.state !== 'issued' ? (
                <div className="pickup-actions">
                  <button type="button" className="button button-secondary" onClick={() => show(null)}>
                    {t('nextSlip')}
                  </button>
                </div>
              ) : null}
            </section>
          ) : null}
        </>
      )}
      {printable ? <PrintDialog slip={printable} onClose={() => setPrintable(null)} /> : null}
    </div>
  );
}
