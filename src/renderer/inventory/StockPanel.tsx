import { useState } from 'react';
import { forecastLine, useForecast } from '../month/use-forecast';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import {
  ADJUST_REASONS,
  TAGS,
  type AdjustReason,
  type ItemDetail,
  type Movement,
  type StockRow,
  type Tag,
} from '../../shared/inventory/catalogue';
import type { LocaleCode } from '../../shared/locales';
import { useApiFetch, useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { ItemEditor } from './ItemEditor';
import { ItemName } from './ItemName';
import { newRequestId } from './request-id';
import { CategorySelect } from './CategorySelect';
import { formatDay } from '../dates';
import { formatChange, formatNumber } from '../format/number';
import { isolate } from '../../shared/slips/bidi';
import { unitLabel } from './units';
import { NumberField } from '../kiosk/NumberField';
import { TextField } from '../kiosk/TextField';

type View = 'all' | 'low' | 'expiring' | 'elsewhere';
const PAGE = 100;
type Sort = 'name' | 'on_hand' | 'expiry';

interface Props {
  language: LocaleCode;
  siteLanguage: LocaleCode;
}

/** The stock list: search, filters, the low-stock and expiring views; an item opens its history. */
export function StockPanel({ language, siteLanguage }: Props) {
  const { t, i18n } = useTranslation('inventory');
  const read = useApiFetch();
  const [view, setView] = useState<View>('all');
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [withinDays, setWithinDays] = useState(7);
  const [open, setOpen] = useState<StockRow | null>(null);
  const [creating, setCreating] = useState(false);

  const args = {
    language,
    search,
    view,
    sort,
    withinDays,
    categoryId: categoryId === '' ? null : categoryId,
    tag: tag === '' ? null : (tag as Tag),
    limit: PAGE,
  };
  // The first page is a query keyed by the search: an older search that answers last cannot
  // replace the list. A receive in the stock room or a pickup at a table shows here without reloading.
  const list = useApiQuery('inventory.stock', { ...args, offset: 0 }, { live: ['stock'], keepPrevious: true });
  // Pages read after this first page; a fresh first page drops them (as a reload always has).
  const [extra, setExtra] = useState<{ after: unknown; rows: StockRow[]; total: number; error: ApiError | null } | null>(null);
  const later = extra?.after === list.data ? extra : null;
  const rows = list.data ? [...list.data.rows, ...(later?.rows ?? [])] : null;
  const total = later?.total ?? list.data?.total ?? 0;
  const error = later?.error ?? list.error;
  const forecast = useForecast(rows?.map((r) => r.id) ?? []);
  const more = async () => {
    const first = list.data;
    const r = await read('inventory.stock', { ...args, offset: rows?.length ?? 0 });
    const before = later ?? { rows: [], total };
    setExtra(
      r.ok
        ? { after: first, rows: [...before.rows, ...r.value.rows], total: r.value.total, error: null }
        : { after: first, ...before, error: r.error },
    );
  };

  const views: View[] = ['all', 'low', 'expiring', 'elsewhere'];
  return (
    <section className="inv-panel" aria-labelledby="stock-title">
      <div className="inv-item-title">
        <h2 id="stock-title">{t('stock.title')}</h2>
        <button type="button" className="button button-secondary" onClick={() => setCreating(true)}>
          {t('stock.newItem')}
        </button>
      </div>
      {creating ? (
        <ItemEditor
          language={language}
          siteLanguage={siteLanguage}
          item={{}}
          onCancel={() => setCreating(false)}
          // The save re-reads the list itself.
          onSaved={() => setCreating(false)}
        />
      ) : null}
      <div className="toggle-grid" role="group" aria-label={t('stock.views')}>
        {views.map((v) => (
          <button key={v} type="button" className="toggle" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`stock.view.${v}`)}
          </button>
        ))}
      </div>
      <div className="inv-filters">
        <TextField kind="search" label={t('stock.search')} value={search} maxLength={80} onChange={setSearch} />
        <CategorySelect language={language} value={categoryId} onChange={setCategoryId} emptyLabel={t('stock.any')} />
        <label className="field">
          <span>{t('stock.tag')}</span>
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">{t('stock.any')}</option>
            {TAGS.map((x) => (
              <option key={x} value={x}>
                {t(`tags.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('stock.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="name">{t('stock.sortName')}</option>
            <option value="on_hand">{t('stock.sortOnHand')}</option>
            <option value="expiry">{t('stock.sortExpiry')}</option>
          </select>
        </label>
        {view === 'expiring' ? (
          <NumberField
            label={t('stock.withinDays')}
            min={0}
            max={365}
            value={String(withinDays)}
            onChange={(v) => setWithinDays(Math.max(0, Math.min(365, Number(v) || 0)))}
          />
        ) : null}
      </div>
      {view === 'elsewhere' ? <p className="inv-muted">{t('stock.elsewhereLead')}</p> : null}
      <ErrorNotice error={error} />
      {rows ? (
        <>
          <p className="inv-muted" role="status">
            {t('stock.count', { n: total })}
          </p>
          <table className="inv-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col">{t('stock.category')}</th>
                <th scope="col">{t('stock.onHand')}</th>
                <th scope="col">{t('stock.reserved')}</th>
                <th scope="col">{t('stock.available')}</th>
                <th scope="col">{t('stock.nextExpiry')}</th>
                <th scope="col">{t('month:forecast.column')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.low ? 'inv-low' : undefined}>
                  <th scope="row">
                    <button type="button" className="inv-link" onClick={() => setOpen(r)}>
                      <ItemName name={r.name} untranslated={r.untranslated} />
                    </button>
                    {/* Known only from another hub's catalogue: not low here, not stocked here at all. */}
                    {r.low ? (
                      <span className="inv-badge">{t('stock.low', { threshold: formatNumber(r.lowStock, i18n.language) })}</span>
                    ) : r.stockedHere ? null : (
                      <span className="inv-badge inv-badge-quiet">{t('stock.notStockedHere')}</span>
                    )}
                  </th>
                  <td>{r.category ?? ''}</td>
                  <td>{t('qtyUnit', { qty: isolate(formatNumber(r.onHand, i18n.language)), unit: unitLabel(r.unit, t) })}</td>
                  <td>
                    <bdi>{formatNumber(r.reserved, i18n.language)}</bdi>
                  </td>
                  <td>
                    <bdi>{formatNumber(r.available, i18n.language)}</bdi>
                  </td>
                  <td>{r.nextExpiry ? formatDay(r.nextExpiry, i18n.language, 'short') : ''}</td>
                  <td>{forecastLine(t, r.name, forecast.get(r.id)?.daysLeft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="inv-muted">{t('month:forecast.explain')}</p>
          {rows.length === 0 ? <p>{t('stock.empty')}</p> : null}
          {rows.length < total ? (
            <button type="button" className="button button-secondary" onClick={() => void more()}>
              {t('stock.more')}
            </button>
          ) : null}
        </>
      ) : null}
      {open ? <ItemPanel key={open.id} row={open} language={language} siteLanguage={siteLanguage} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

/** One item: its lots, a way to take stock off with a reason, and its history. */
function ItemPanel({
  row,
  language,
  siteLanguage,
  onClose,
}: {
  row: StockRow;
  language: LocaleCode;
  siteLanguage: LocaleCode;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('inventory');
  const read = useApiFetch();
  // The item as it is now: its lots change with an adjustment here, a receive in the stock room
  // or a pickup at a table (the list's row is what it was when tapped).
  const detail = useApiQuery('inventory.item', { itemId: row.id, language }, { live: ['stock'] });
  const lots = detail.data?.lots ?? row.lots;
  const [lotId, setLotId] = useState<string>(row.lots[0]?.lotId ?? '');
  const [qty, setQty] = useState(1);
  // As typed, so a lone minus sign or an emptied field survives until the next key.
  const [qtyText, setQtyText] = useState('1');
  const [reason, setReason] = useState<AdjustReason>('spoiled');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState<ItemDetail | null>(null);
  // Taking stock off shows in the list and in the history below (both are read again).
  const adjusting = useApiMutation('inventory.adjust', { invalidates: ['inventory.stock', 'inventory.history', 'inventory.item'] });
  // Opening the editor reads the item as it is now; the editor is a draft over that answer.
  const [editError, setEditError] = useState<ApiError | null>(null);
  const error = adjusting.error ?? editError;

  const edit = async () => {
    const r = await read('inventory.item', { itemId: row.id, language });
    if (r.ok) setEditing(r.value);
    else {
      adjusting.reset();
      setEditError(r.error);
    }
  };

  // The newest 50 movements; a failed read shows none, as before.
  const latest = useApiQuery('inventory.history', { itemId: row.id, limit: 50 });
  // Older pages read after them; a fresh first page (after an adjustment) drops them, as a reload always has.
  const [pages, setPages] = useState<{ after: Movement[]; rows: Movement[]; more: boolean } | null>(null);
  const later = latest.data && pages?.after === latest.data ? pages : null;
  const history = [...(latest.data ?? []), ...(later?.rows ?? [])];
  const older = later ? later.more : latest.data?.length === 50;
  const loadOlder = async () => {
    const first = latest.data;
    if (!first) return;
    const r = await read('inventory.history', { itemId: row.id, limit: 50, before: history.at(-1)?.id ?? null });
    if (!r.ok) return;
    setPages((p) => ({ after: first, rows: [...(p?.after === first ? p.rows : []), ...r.value], more: r.value.length === 50 }));
  };

  const adjust = async () => {
    setSaved(false);
    const signed = reason === 'count_correction' ? qty : -Math.abs(qty);
    const r = await adjusting.call({
      requestId: newRequestId(),
      itemId: row.id,
      lotId: lotId === '' ? null : lotId,
      qty: signed,
      reason,
      note: note.trim() === '' ? null : note.trim(),
    });
    if (r.ok) {
      setEditError(null);
      setSaved(true);
    }
  };

  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <section className="inv-card" aria-label={row.name}>
      <div className="inv-item-title">
        <h3>
          <ItemName name={row.name} untranslated={row.untranslated} />
        </h3>
        <div className="inv-actions">
          <button type="button" className="button button-secondary" onClick={() => void edit()}>
            {t('stock.edit')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
      {editing ? (
        <ItemEditor
          language={language}
          siteLanguage={siteLanguage}
          item={editing}
          onCancel={() => setEditing(null)}
          // The save re-reads the list itself.
          onSaved={() => setEditing(null)}
        />
      ) : null}
      {lots.length > 0 ? (
        <table className="inv-table" aria-label={t('stock.lots')}>
          <thead>
            <tr>
              <th scope="col">{t('count.lot')}</th>
              <th scope="col">{t('stock.expiry')}</th>
              <th scope="col">{t('stock.onHand')}</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => (
              <tr key={l.lotId ?? ''}>
                <td dir="ltr">{l.code ?? t('adjust.noLot')}</td>
                <td>{l.expiresOn ? formatDay(l.expiresOn, i18n.language, 'short') : ''}</td>
                <td>
                  <bdi>{formatNumber(l.qty, i18n.language)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        className="inv-grid"
        aria-label={t('adjust.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void adjust();
        }}
      >
        <label className="field">
          <span>{t('adjust.lot')}</span>
          <select value={lotId} onChange={(e) => setLotId(e.target.value)}>
            {lots.map((l) => (
              <option key={l.lotId ?? ''} value={l.lotId ?? ''}>
                {t('adjust.lotOption', {
                  code: isolate(l.code ?? t('adjust.noLot')),
                  expiry: isolate(l.expiresOn ? formatDay(l.expiresOn, i18n.language, 'short') : '—'),
                  qty: l.qty,
                })}
              </option>
            ))}
            {lots.some((l) => l.lotId === null) ? null : <option value="">{t('adjust.noLot')}</option>}
          </select>
        </label>
        <label className="field">
          <span>{t('adjust.reason')}</span>
          <select value={reason} onChange={(e) => setReason(e.target.value as AdjustReason)}>
            {ADJUST_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={reason === 'count_correction' ? t('adjust.change') : t('adjust.qty')}
          value={qtyText}
          onChange={(v) => {
            setQtyText(v);
            setQty(Math.trunc(Number(v) || 0));
          }}
        />
        <TextField label={t('adjust.note')} value={note} maxLength={200} onChange={setNote} />
        <button type="submit" className="button button-primary">
          {t('adjust.submit')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('adjust.saved')}
        </p>
      ) : null}
      <h4>{t('history.title')}</h4>
      <ol className="inv-history">
        {history.map((m) => (
          <li key={m.id}>
            <bdi className="inv-qty-change">{formatChange(m.qty, i18n.language)}</bdi> {t(`kinds.${m.kind}`)}
            {m.reason ? ` · ${t(`reasons.${m.reason}`, { defaultValue: m.reason })}` : ''}
            {m.source ? ` · ${t(`sources.${m.source}`)}` : ''}
            {m.sourceName ? ` · ${isolate(m.sourceName)}` : ''}
            {m.note ? ` · ${isolate(m.note)}` : ''}
            {/* Codes, names and dates are isolated: a Latin lot code beside an Arabic date must not swap their digits. */}
            {m.lotCode || m.expiresOn
              ? ` · ${[m.lotCode, m.expiresOn && formatDay(m.expiresOn, i18n.language, 'short')]
                  .filter((x): x is string => Boolean(x))
                  .map(isolate)
                  .join(' ')}`
              : ''}
            <span className="inv-muted"> · {t('history.by', { who: isolate(m.volunteer ?? '—'), when: isolate(when(m.at)) })}</span>
          </li>
        ))}
      </ol>
      {older ? (
        <button type="button" className="button button-secondary" onClick={() => void loadOlder()}>
          {t('history.more')}
        </button>
      ) : null}
    </section>
  );
}
