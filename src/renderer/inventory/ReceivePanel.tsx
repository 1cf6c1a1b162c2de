import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import { MAX_QTY, SOURCES, type ItemDetail, type Source } from '../../shared/inventory/catalogue';
import type { LocaleCode } from '../../shared/locales';
import { useApiFetch, useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateField } from '../kiosk/DateField';
import { TextField } from '../kiosk/TextField';
import { Stepper } from '../components/Stepper';
import { ItemEditor } from './ItemEditor';
import { ItemName } from './ItemName';
import { useScanner } from '../scanner/use-scanner';
import { newRequestId } from './request-id';
import { unitLabel } from './units';
import { formatWeight, isWeighedUnit } from '../../shared/reports/weight';
import { isolate } from '../../shared/slips/bidi';
import { formatNumber } from '../format/number';
import { typedGrams, WeightField } from '../weights/WeightField';
import { useWeightUnit } from '../weights/use-weight-unit';
import { ReceiptFields, typedCents } from '../donors/ReceiptFields';
import { useIntoView } from '../components/use-into-view';

// ZXing (the product-barcode decoder) is loaded when the camera is first turned on: it is the
// largest thing the stock room uses, and most barcodes come from the USB scanner.
const CameraBarcode = lazy(() => import('../scanner/CameraBarcode').then((m) => ({ default: m.CameraBarcode })));

/**
 * A scan that came out with letters: retail barcodes are digits only, so a scanner set to another
 * keyboard layout, or a label that is not a product barcode, would otherwise run a name search
 * for "A7Z4X0Q8" and offer to add it as an item. From the scanner (a burst, the camera) any
 * non-digit gives it away; typed in the field, a word with no spaces that is mostly digits does.
 */
function looksMisScanned(code: string, scanned: boolean): boolean {
  if (/^\d+$/.test(code)) return false;
  if (scanned) return true;
  return /^\S{8,}$/.test(code) && (code.match(/\d/g)?.length ?? 0) >= code.length / 2;
}

interface Props {
  language: LocaleCode;
  siteLanguage: LocaleCode;
}

type Picked = Pick<ItemDetail, 'id' | 'name' | 'untranslated' | 'unit' | 'onHand'>;

/** Receiving: scan or search, pick a quantity, optionally a lot and expiry, and a source. */
export function ReceivePanel({ language, siteLanguage }: Props) {
  const { t } = useTranslation('inventory');
  const read = useApiFetch();
  const [query, setQuery] = useState('');
  // The name the volunteer searched for, or null: no list on screen. Keyed by it, an older
  // search that answers last cannot replace the list of the newer one.
  const [searched, setSearched] = useState<string | null>(null);
  const found = useApiQuery('inventory.search', { query: searched ?? '', language }, { enabled: searched !== null });
  const results = searched !== null ? (found.data ?? null) : null;
  const [item, setItem] = useState<Picked | null>(null);
  const [qty, setQty] = useState(1);
  const [lotCode, setLotCode] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [source, setSource] = useState<Source>('donor');
  const [sourceName, setSourceName] = useState('');
  // Issue 16: what the scale said (weighed items), who gave it and its in-kind value.
  const [weight, setWeight] = useState('');
  const [donorId, setDonorId] = useState('');
  const [value, setValue] = useState('');
  const weightUnit = useWeightUnit();
  // What was received shows wherever the stock does: the list, an item's history, its detail.
  const receiving = useApiMutation('inventory.receive', { invalidates: ['inventory.stock', 'inventory.history', 'inventory.item'] });
  const { reset: resetReceiving } = receiving;
  // A scan's refusal other than an unknown barcode (the hub did not answer).
  const [scanError, setScanError] = useState<ApiError | null>(null);
  // One message at a time, the latest first.
  const { isError: searchFailed, refetch: searchAgain } = found;
  const error = receiving.error ?? scanError ?? (searched !== null ? found.error : null);
  const [done, setDone] = useState<string | null>(null);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [lettersCode, setLettersCode] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ barcode?: string; name?: string } | null>(null);
  const [pastWarning, setPastWarning] = useState(false);
  const [camera, setCamera] = useState(false);
  const requestId = useRef(newRequestId());
  const scanField = useRef<HTMLInputElement>(null);
  const formRef = useIntoView<HTMLFormElement>(item?.id ?? null);

  const pick = useCallback(
    (p: Picked) => {
      setItem(p);
      setSearched(null);
      setUnknownCode(null);
      setCreating(null);
      setQty(1);
      setWeight('');
      setValue('');
      setLotCode('');
      setExpiresOn('');
      setPastWarning(false);
      resetReceiving();
      setScanError(null);
      requestId.current = newRequestId();
    },
    [resetReceiving],
  );

  const lookUp = useCallback(
    async (text: string, scanned = false) => {
      const code = text.trim();
      resetReceiving();
      setScanError(null);
      setDone(null);
      setUnknownCode(null);
      setLettersCode(null);
      if (code === '') return;
      if (looksMisScanned(code, scanned)) {
        setQuery('');
        setSearched(null);
        setLettersCode(code);
        return;
      }
      if (/^\d{8,14}$/.test(code)) {
        // A failed search's message goes with it (its list never came).
        if (searchFailed) setSearched(null);
        const r = await read('inventory.scan', { barcode: code, language });
        setQuery('');
        if (r.ok) pick(r.value);
        else if (r.error.code === 'inventory.unknown_barcode') {
          setItem(null);
          setUnknownCode(code);
          setCreating({ barcode: code });
        } else setScanError(r.error);
        return;
      }
      // The same words again read again (the list may have changed); new words are a new read.
      if (code === searched) void searchAgain();
      else setSearched(code);
    },
    [read, language, resetReceiving, pick, searchFailed, searchAgain, searched],
  );
  useScanner((code) => void lookUp(code, true));
  // A camera read takes the very path a USB scan takes, unknown barcodes included.
  const onCameraCode = useCallback(
    (code: string) => {
      setCamera(false);
      void lookUp(code, true);
    },
    [lookUp],
  );

  const submit = async (acceptPastExpiry: boolean) => {
    if (!item) return;
    const weighed = isWeighedUnit(item.unit);
    const grams = weighed ? typedGrams(weight, weightUnit) : null;
    const r = await receiving.call({
      requestId: requestId.current,
      itemId: item.id,
      // A weighed item is received by weight: core puts the scale's reading on the shelf.
      qty: weighed ? null : qty,
      weightG: grams,
      donorId: donorId === '' ? null : donorId,
      valueCents: typedCents(value),
      lotCode: lotCode.trim() === '' ? null : lotCode.trim(),
      expiresOn: expiresOn === '' ? null : expiresOn,
      source,
      sourceName: sourceName.trim() === '' ? null : sourceName.trim(),
      acceptPastExpiry,
    });
    if (r.ok) {
      setDone(
        grams !== null
          ? t('weights:received', {
              weight: isolate(formatWeight(grams, weightUnit, language)),
              name: isolate(item.name),
              onHand: isolate(formatNumber(r.value.onHand, language)),
              unit: unitLabel(item.unit, t),
            })
          : // The item's name may be in another script than the sentence ("Rice" in an Arabic one):
            // isolated, it neither takes the sentence's direction nor reorders the numbers beside it.
            t('received', {
              qty: isolate(formatNumber(qty, language)),
              name: isolate(item.name),
              onHand: isolate(formatNumber(r.value.onHand, language)),
            }),
      );
      setItem(null);
      setPastWarning(false);
      requestId.current = newRequestId();
      scanField.current?.focus();
    } else if (r.error.code === 'inventory.expiry_past') setPastWarning(true);
  };

  return (
    <section className="inv-panel" aria-labelledby="receive-title">
      <h2 id="receive-title">{t('receive.title')}</h2>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(query);
        }}
      >
        <TextField
          id="inv-scan"
          scanField
          inputRef={scanField}
          autoFocus
          label={t('receive.scanLabel')}
          value={query}
          maxLength={200}
          onChange={setQuery}
          action={
            <>
              <button type="submit" className="button button-primary" disabled={query.trim() === ''}>
                {t('receive.find')}
              </button>
              {camera ? null : (
                <button type="button" className="button button-secondary" onClick={() => setCamera(true)}>
                  {t('camera.open')}
                </button>
              )}
            </>
          }
        />
      </form>
      {camera ? (
        <Suspense
          fallback={
            <p className="camera-barcode-hint" role="status">
              {t('camera.starting')}
            </p>
          }
        >
          <CameraBarcode onCode={onCameraCode} onClose={() => setCamera(false)} />
        </Suspense>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {results ? (
        results.length === 0 ? (
          <div className="inv-actions">
            <p>{t('receive.noMatch')}</p>
            <button type="button" className="button button-secondary" onClick={() => setCreating({ name: query.trim() })}>
              {t('receive.addNamed', { name: query.trim() })}
            </button>
          </div>
        ) : (
          <ul className="inv-results" aria-label={t('receive.results')}>
            {results.map((r) => (
              <li key={r.id}>
                <button type="button" className="button button-secondary" onClick={() => pick(r)}>
                  <ItemName name={r.name} untranslated={r.untranslated} />
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {unknownCode ? <p>{t('receive.unknownCode', { barcode: unknownCode })}</p> : null}
      {lettersCode ? (
        <p className="notice notice-error" role="alert">
          {t('receive.lettersInBarcode', { code: isolate(lettersCode) })}
        </p>
      ) : null}
      {creating ? (
        <ItemEditor
          language={language}
          siteLanguage={siteLanguage}
          item={creating}
          onCancel={() => setCreating(null)}
          onSaved={(saved) => {
            setCreating(null);
            pick(saved);
          }}
        />
      ) : null}
      {item ? (
        <form
          ref={formRef}
          className="inv-card"
          aria-label={t('receive.form')}
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          <p className="inv-item-title">
            <ItemName name={item.name} untranslated={item.untranslated} />
            <span className="inv-muted">{t('onHandUnit', { qty: item.onHand, unit: unitLabel(item.unit, t) })}</span>
          </p>
          {isWeighedUnit(item.unit) ? (
            <WeightField label={t('weights:receive.weight')} value={weight} onChange={setWeight} unit={weightUnit} />
          ) : (
            <div className="inv-qty">
              <Stepper label={t('receive.quantity')} value={qty} min={1} max={MAX_QTY} onChange={setQty} />
              <button type="button" dir="ltr" className="button button-secondary" onClick={() => setQty((q) => Math.min(MAX_QTY, q + 10))}>
                {t('receive.plusTen')}
              </button>
            </div>
          )}
          <div className="inv-grid">
            <TextField kind="ascii" label={t('receive.lot')} value={lotCode} maxLength={40} onChange={setLotCode} />
            <DateField label={t('receive.expiry')} value={expiresOn} onChange={setExpiresOn} />
            <label className="field">
              <span>{t('receive.source')}</span>
              <select value={source} onChange={(e) => setSource(e.target.value as Source)}>
                {SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`sources.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <TextField label={t('receive.sourceName')} value={sourceName} maxLength={80} onChange={setSourceName} />
            <ReceiptFields donorId={donorId} onDonor={setDonorId} value={value} onValue={setValue} />
          </div>
          <div className="inv-actions">
            <button type="submit" className="button button-primary">
              {t('receive.submit')}
            </button>
            {pastWarning ? (
              <button type="button" className="button button-secondary" onClick={() => void submit(true)}>
                {t('receive.recordAnyway')}
              </button>
            ) : null}
            <button type="button" className="button button-quiet" onClick={() => setItem(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
