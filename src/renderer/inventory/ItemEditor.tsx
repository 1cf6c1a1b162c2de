import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAGS, UNITS, type ItemDetail, type Tag } from '../../shared/inventory/catalogue';
import { isValidBarcode } from '../../shared/inventory/barcode';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { newRequestId } from './request-id';
import { CategorySelect } from './CategorySelect';
import { NumberField } from '../kiosk/NumberField';
import { TextField } from '../kiosk/TextField';
import { fromGrams, isWeighedUnit } from '../../shared/reports/weight';
import { typedGrams, WeightField } from '../weights/WeightField';
import { WeightCategorySelect } from '../weights/WeightCategorySelect';
import { useWeightUnit } from '../weights/use-weight-unit';

interface Props {
  language: LocaleCode;
  siteLanguage: LocaleCode;
  /** An item to edit, or the start of a new one (a scanned barcode, a typed name). */
  item: ItemDetail | { barcode?: string; name?: string };
  onSaved(item: ItemDetail): void;
  onCancel(): void;
}

/**
 * The catalogue entry: a name per language (one is enough, in any language: the others fall
 * back to it with a "not translated yet" mark, by core's one rule), unit, category, icon,
 * barcodes, dietary tags, the per-household limit and the low-stock threshold.
 */
export function ItemEditor({ language, siteLanguage, item, onSaved, onCancel }: Props) {
  const { t } = useTranslation('inventory');
  const existing = 'id' in item ? item : null;
  const [id] = useState(() => existing?.id ?? newRequestId());
  const [names, setNames] = useState<Record<string, string>>(() =>
    existing ? { ...existing.names } : item && 'name' in item && item.name ? { [language]: item.name } : {},
  );
  const [unit, setUnit] = useState<string>(existing?.unit ?? 'each');
  const [categoryId, setCategoryId] = useState(existing?.categoryId ?? '');
  const [icon, setIcon] = useState(existing?.icon ?? '');
  const [barcodes, setBarcodes] = useState(existing ? existing.barcodes.join(' ') : 'barcode' in item && item.barcode ? item.barcode : '');
  const [tags, setTags] = useState<Tag[]>(existing?.tags ?? []);
  const [limitQty, setLimitQty] = useState(existing?.limit ? String(existing.limit.qty) : '');
  const [limitDays, setLimitDays] = useState(existing?.limit ? String(existing.limit.days) : '7');
  const [lowStock, setLowStock] = useState(String(existing?.lowStock ?? 0));
  // A saved item is read again wherever it shows: the stock list, a search, its detail, its weight.
  const saving = useApiMutation('inventory.save_item', {
    invalidates: ['inventory.stock', 'inventory.search', 'inventory.item', 'month.item_weight'],
  });
  // Issue 16: weight per unit (in the site's unit) and the food bank's weight category, as typed
  // over what is stored for an existing item.
  const weightUnit = useWeightUnit();
  const weightRead = useApiQuery('month.item_weight', { itemId: existing?.id ?? '' }, { enabled: existing !== null });
  const stored = existing ? weightRead.data : undefined;
  const [unitWeightDraft, setUnitWeight] = useState<string | null>(null);
  const [weightCategoryDraft, setWeightCategory] = useState<string | null>(null);
  const unitWeight =
    unitWeightDraft ?? (stored?.unitWeightG == null ? '' : String(Math.round(fromGrams(stored.unitWeightG, weightUnit) * 1000) / 1000));
  const weightCategory = weightCategoryDraft ?? stored?.weightCategory ?? '';
  // Until an existing item's weight has loaded, a save leaves it as it is rather than blanking it.
  const weightLoaded = !existing || stored !== undefined;

  // The site language first: it is the one every other language falls back to first.
  const order = [...LOCALES].sort((a, b) => (a.code === siteLanguage ? -1 : b.code === siteLanguage ? 1 : 0));
  const codes = barcodes.split(/[\s,]+/).filter((c) => c !== '');
  const badCode = codes.find((c) => !isValidBarcode(c));

  const save = async () => {
    const qty = Number(limitQty);
    const r = await saving.call({
      language,
      item: {
        id,
        names,
        unit,
        categoryId: categoryId === '' ? null : categoryId,
        icon: icon.trim() === '' ? null : icon.trim(),
        barcodes: codes,
        tags,
        limit:
          limitQty.trim() === '' || !(qty > 0) ? null : { qty: Math.trunc(qty), days: Math.max(1, Math.trunc(Number(limitDays) || 7)) },
        lowStock: Math.max(0, Math.trunc(Number(lowStock) || 0)),
        // An item counted in kg or lb weighs its unit: no weight per unit to keep.
        ...(weightLoaded
          ? {
              weight: {
                unitWeightG: isWeighedUnit(unit) ? null : typedGrams(unitWeight, weightUnit),
                weightCategory: weightCategory === '' ? null : weightCategory,
              },
            }
          : {}),
      },
    });
    if (r.ok) onSaved(r.value);
  };

  return (
    <form
      className="inv-card"
      aria-label={existing ? t('editor.editTitle') : t('editor.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{existing ? t('editor.editTitle') : t('editor.newTitle')}</h3>
      <fieldset className="field">
        <legend>{t('editor.names')}</legend>
        <p className="inv-muted">{t('editor.namesHint', { mark: t('notTranslated') })}</p>
        <div className="inv-grid">
          {order.map((l) => (
            <TextField
              key={l.code}
              label={l.name}
              lang={l.code}
              dir={l.dir}
              value={names[l.code] ?? ''}
              maxLength={120}
              onChange={(v) => setNames((n) => ({ ...n, [l.code]: v }))}
            />
          ))}
        </div>
      </fieldset>
      <div className="inv-grid">
        <label className="field">
          <span>{t('item.unit')}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            {/* An item copied from another hub may count in a unit this version has no word for: show it as it came. */}
            {(UNITS as readonly string[]).includes(unit) ? null : <option value={unit}>{unit}</option>}
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`units.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <CategorySelect language={language} value={categoryId} onChange={setCategoryId} emptyLabel={t('editor.noCategory')} />
        <TextField label={t('editor.icon')} value={icon} maxLength={16} onChange={setIcon} />
        <TextField
          kind="barcodes"
          label={t('editor.barcodes')}
          value={barcodes}
          maxLength={400}
          onChange={setBarcodes}
          invalid={Boolean(badCode)}
        />
        <NumberField label={t('editor.limitQty')} min={0} value={limitQty} onChange={setLimitQty} />
        <NumberField label={t('editor.limitDays')} min={1} max={366} value={limitDays} onChange={setLimitDays} />
        <NumberField label={t('editor.lowStock')} min={0} value={lowStock} onChange={setLowStock} />
        {isWeighedUnit(unit) ? null : (
          <WeightField label={t('weights:editor.unitWeight')} value={unitWeight} onChange={setUnitWeight} unit={weightUnit} />
        )}
        <WeightCategorySelect language={language} value={weightCategory} onChange={setWeightCategory} />
      </div>
      <fieldset className="field">
        <legend>{t('stock.tag')}</legend>
        <div className="toggle-grid">
          {TAGS.map((x) => (
            <button
              key={x}
              type="button"
              className="toggle"
              aria-pressed={tags.includes(x)}
              onClick={() => setTags((ts) => (ts.includes(x) ? ts.filter((y) => y !== x) : [...ts, x]))}
            >
              {t(`tags.${x}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {badCode ? <p className="notice notice-error">{t('errors.bad_barcode', { barcode: badCode })}</p> : null}
      <ErrorNotice error={saving.error} />
      <div className="inv-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={!Object.values(names).some((n) => n.trim() !== '') || badCode !== undefined}
        >
          {t('editor.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
