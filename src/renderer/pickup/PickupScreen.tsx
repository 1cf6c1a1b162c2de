import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { PickupView, PrintableSlip } from '../../shared/slips/schemas';
import { useApiFetch, useApiMutation, useApiQuery, useSetApiData } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { useIntoView } from '../components/use-into-view';
import { TextField } from '../kiosk/TextField';
import { PrintDialog } from '../print/PrintDialog';
import type { SectionProps } from '../volunteer/section-props';
import { DayView } from './DayView';
import { PickList } from './PickList';
import { formatDay } from '../dates';
import { useScanner } from '../scanner/use-scanner';
import './pickup.css';
import { QueuePanel } from '../stations/QueuePanel';

// The QR decoder is loaded when the camera is first turned on, not with the first paint: most
// tables scan with a USB scanner, and the kiosk's first screen should not wait for it.
const CameraScanner = lazy(() => import('./CameraScanner').then((m) => ({ default: m.CameraScanner })));

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

/** Before pickup: what each line gives (what is on hand, at most what was asked), as the volunteer changed it. */
function initialGiven(slip: PickupView, edits: Record<string, number>): Record<string, number> | null {
  if (slip.status.state !== 'issued') return null;
  return { ...Object.fromEntries(slip.pickList.map((l) => [l.itemId, Math.max(0, Math.min(l.qty, l.onHand))])), ...edits };
}

/**
 * The pickup table. A USB scanner works anywhere on the screen (fast keys ending in Enter), the
 * camera behind a button, or the short code typed in. A valid slip shows its pick list; the
 * volunteer marks what was given or not available and confirms. Every other case gets a clear
 * answer.
 */
export function PickupScreen({ session }: SectionProps) {
  const { t, i18n } = useTranslation('pickup');
  const read = useApiFetch();
  const setData = useSetApiData();
  const [view, setView] = useState<'scan' | 'day'>('scan');
  const [code, setCode] = useState('');
  // The code the slip on screen was found by (a short code or a scanned QR payload). Its read is
  // live: redeemed or voided at another table, the screen shows that, not a stale pick list.
  const [opened, setOpened] = useState<string | null>(null);
  const lookup = useApiQuery('slip.lookup', { code: opened ?? '' }, { live: ['slips'], enabled: opened !== null });
  const slip = opened !== null && !lookup.isError ? (lookup.data ?? null) : null;
  // A slip that comes up takes the screen from its code down: on a 768-pixel laptop the pick
  // list and its actions then fit together, with no bar laid over the list.
  const slipSection = useIntoView<HTMLElement>(slip?.id ?? null);
  // What the volunteer changed of the pick list's "given" counts, over what the slip proposes.
  const [edits, setEdits] = useState<Record<string, number>>({});
  const given = slip ? initialGiven(slip, edits) : null;
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [camera, setCamera] = useState(false);
  const [voiding, setVoiding] = useState<string | null>(null);
  const [printable, setPrintable] = useState<PrintableSlip | null>(null);
  const redeeming = useApiMutation('slip.redeem');
  const voidingSlip = useApiMutation('slip.void');
  const reprinting = useApiMutation('slip.reprint');
  const busy = redeeming.pending;
  const [table, setTable] = useState(savedTable);
  const changeTable = (next: string) => {
    setTable(next);
    window.localStorage.setItem(TABLE_KEY, next);
  };

  /** Another slip (or none) on screen: what was marked, said or asked for the last one goes. */
  const open = useCallback((next: string | null) => {
    setOpened(next);
    setEdits({});
    setActionError(null);
    setDone(false);
    setVoiding(null);
  }, []);

  /** The slip on screen as a write answered it: the cache holds it, so the live read agrees. */
  const answered = (next: PickupView) => {
    if (opened !== null) setData('slip.lookup', { code: opened }, next);
    setActionError(null);
    setVoiding(null);
  };

  const find = useCallback(
    async (raw: string) => {
      setView('scan');
      setCamera(false);
      open(raw);
      const result = await read('slip.lookup', { code: raw }, { live: ['slips'] });
      // Found: the field is ready for the next slip. Not found: keep what was typed to correct it.
      if (result.ok) setCode('');
    },
    [open, read],
  );

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
    const lines = slip.pickList.map((l) => ({ itemId: l.itemId, givenQty: given?.[l.itemId] ?? l.qty }));
    const result = await redeeming.call({ slipId: slip.id, table: table.trim() === '' ? null : table.trim(), lines });
    if (result.ok) {
      answered(result.value);
      setDone(true);
      setCode('');
    } else if (result.error.code === 'slip.already_redeemed') {
      // Another table was quicker: show when and where, from the slip itself.
      await find(slip.shortCode);
    } else setActionError(result.error);
  };

  const voidSlip = async () => {
    if (!slip || voiding === null) return;
    const result = await voidingSlip.call({ slipId: slip.id, reason: voiding });
    if (result.ok) answered(result.value);
    else setActionError(result.error);
  };

  const reprint = async () => {
    if (!slip) return;
    const result = await reprinting.call({ slipId: slip.id });
    if (result.ok) setPrintable(result.value);
    else setActionError(result.error);
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
          {camera ? (
            <Suspense
              fallback={
                <p className="pickup-hint" role="status">
                  {t('cameraStarting')}
                </p>
              }
            >
              <CameraScanner onScan={onScan} onClose={() => setCamera(false)} />
            </Suspense>
          ) : null}
          <ErrorNotice error={actionError ?? (opened !== null ? lookup.error : null)} />
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
                  onGiven={(itemId, qty) => setEdits((e) => ({ ...e, [itemId]: qty }))}
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
                  <button type="button" className="button button-secondary" onClick={() => open(null)}>
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
