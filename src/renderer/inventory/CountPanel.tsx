import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CountDifference } from '../../shared/api/channels/inventory';
import type { StockRow } from '../../shared/inventory/catalogue';
import type { LocaleCode } from '../../shared/locales';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDay } from '../dates';
import { formatChange, formatNumber } from '../format/number';
import { ItemName } from './ItemName';
import { newRequestId } from './request-id';
import { NumberField } from '../kiosk/NumberField';
import { TextField } from '../kiosk/TextField';

type Difference = z.output<typeof CountDifference>;
const key = (itemId: string, lotId: string | null) => `${itemId}/${lotId ?? ''}`;

/**
 * A stock count: walk the shelf, type what is there (blank = not counted), review the
 * differences, confirm once. Confirming turns each difference into a count correction.
 */
export function CountPanel({ language }: { language: LocaleCode }) {
  const { t, i18n } = useTranslation('inventory');
  const [search, setSearch] = useState('');
  const stock = useApiQuery('inventory.stock', { language, search, limit: 500 }, { keepPrevious: true });
  const rows: StockRow[] = stock.data?.rows ?? [];
  // The review is a snapshot the person asked for, not a read to keep; confirming re-reads the shelf.
  const reviewing = useApiMutation('inventory.count_review');
  const confirming = useApiMutation('inventory.count_confirm', { invalidates: ['inventory.stock'] });
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [review, setReview] = useState<Difference[] | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const requestId = useRef(newRequestId());
  const error = confirming.error ?? reviewing.error ?? stock.error;

  const lines = () =>
    rows.flatMap((r) => {
      const shelves = r.lots.length > 0 ? r.lots.map((l) => l.lotId) : [null];
      return shelves
        .map((lotId) => ({ itemId: r.id, lotId, value: counted[key(r.id, lotId)] ?? '' }))
        .filter((l) => l.value.trim() !== '')
        .map((l) => ({ itemId: l.itemId, lotId: l.lotId, counted: Math.max(0, Math.trunc(Number(l.value))) }));
    });

  const doReview = async () => {
    setDone(null);
    const ls = lines();
    if (ls.length === 0) return;
    confirming.reset();
    const r = await reviewing.call({ language, lines: ls });
    if (r.ok) setReview(r.value);
  };
  const confirm = async () => {
    const r = await confirming.call({ requestId: requestId.current, language, lines: lines() });
    if (r.ok) {
      setDone(r.value.adjustments);
      setReview(null);
      setCounted({});
      requestId.current = newRequestId();
    }
  };

  return (
    <section className="inv-panel" aria-labelledby="count-title">
      <h2 id="count-title">{t('count.title')}</h2>
      <p className="inv-muted">{t('count.hint')}</p>
      {done !== null ? (
        <p className="notice notice-ok" role="status">
          {t('count.saved', { n: done })}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {review ? (
        <div className="inv-card">
          <h3>{t('count.reviewTitle')}</h3>
          <table className="inv-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col">{t('count.expected')}</th>
                <th scope="col">{t('count.counted')}</th>
                <th scope="col">{t('count.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {review.map((d) => (
                <tr key={key(d.itemId, d.lotId)} className={d.difference !== 0 ? 'inv-diff' : undefined}>
                  <th scope="row">
                    {d.name}
                    {d.lotCode ? <span className="inv-muted"> · {d.lotCode}</span> : null}
                  </th>
                  <td>
                    <bdi>{formatNumber(d.expected, i18n.language)}</bdi>
                  </td>
                  <td>
                    <bdi>{formatNumber(d.counted, i18n.language)}</bdi>
                  </td>
                  <td>
                    <bdi>{formatChange(d.difference, i18n.language)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('count.willAdjust', { n: review.filter((d) => d.difference !== 0).length })}</p>
          <div className="inv-actions">
            <button type="button" className="button button-primary" onClick={() => void confirm()}>
              {t('count.confirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setReview(null)}>
              {t('count.backToCount')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <TextField kind="search" label={t('stock.search')} value={search} maxLength={80} onChange={setSearch} />
          <table className="inv-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col">{t('count.lot')}</th>
                <th scope="col">{t('count.counted')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap((r) =>
                (r.lots.length > 0 ? r.lots : [{ lotId: null, code: null, expiresOn: null, qty: 0 }]).map((l) => {
                  const k = key(r.id, l.lotId);
                  const lotLabel = [l.code, l.expiresOn && formatDay(l.expiresOn, i18n.language, 'short')].filter(Boolean).join(' ');
                  return (
                    <tr key={k}>
                      <th scope="row">
                        <ItemName name={r.name} untranslated={r.untranslated} />
                      </th>
                      <td>
                        {l.code ? <bdi dir="ltr">{l.code}</bdi> : null}
                        {l.code && l.expiresOn ? ' ' : null}
                        {l.expiresOn ? formatDay(l.expiresOn, i18n.language, 'short') : null}
                      </td>
                      <td>
                        <NumberField
                          labelHidden
                          min={0}
                          label={t('count.countedFor', { name: lotLabel ? `${r.name} ${lotLabel}` : r.name })}
                          value={counted[k] ?? ''}
                          onChange={(v) => setCounted((c) => ({ ...c, [k]: v }))}
                        />
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
          <button type="button" className="button button-primary" disabled={lines().length === 0} onClick={() => void doReview()}>
            {t('count.review')}
          </button>
        </>
      )}
    </section>
  );
}
