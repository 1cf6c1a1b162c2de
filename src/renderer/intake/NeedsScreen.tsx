import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_CATEGORIES, type CatalogItem } from '../../shared/api/channels/intake';
import { categoryIcon, Icon, NEED_ICONS } from '../kiosk/Icon';
import { TextField } from '../kiosk/TextField';
import { Windowed } from '../components/Windowed';
import type { IntakeState, NeedCategory } from './intake-state';

interface NeedsScreenProps {
  catalog: CatalogItem[] | null;
  state: IntakeState;
  onChange(patch: Partial<IntakeState>): void;
}

/** Tiles per block of the window: whole rows at 2, 3, 4, 5 or 6 columns. */
const ITEM_BLOCK = 60;
/** Ten rows of tiles, until a block is measured. */
const ITEM_BLOCK_PX = 1_320;
/** The first tiles of the screen are always in the page: a usual catalogue is not windowed at all. */
const ITEM_PINNED = 240;

/** Pantry items from live stock, grouped by category with pictures, then other kinds of help. */
export function NeedsScreen({ catalog, state, onChange }: NeedsScreenProps) {
  const { t } = useTranslation('intake');
  const [filter, setFilter] = useState<string | null>(null);
  // The kind word about a limit, shown beside the tile it is about.
  const [notice, setNotice] = useState<{ itemId: string; text: string } | null>(null);
  const noticeRef = useRef<HTMLLIElement>(null);
  // The tile may sit just above the footer: bring the word into view, not the page top.
  useEffect(() => {
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [notice]);
  const items = catalog ?? [];
  const categories = [...new Map(items.map((i) => [i.category ?? '', i.categoryIcon])).entries()];
  const shown = filter === null ? categories : categories.filter(([c]) => c === filter);
  const sectionItems = shown.map(([c]) => items.filter((i) => (i.category ?? '') === c));
  // Where each shown section starts in the screen's run of tiles (what is pinned, what windowed).
  const offsets: number[] = [];
  let run = 0;
  for (const list of sectionItems) {
    offsets.push(run);
    run += list.length;
  }

  const limitNotice = (item: CatalogItem) =>
    item.limit === 0
      ? t('needs.limitUsed', { item: item.name })
      : t('needs.limitReached', {
          item: item.name,
          limit: item.limitQty ?? item.limit ?? 0,
          count: item.limitDays ?? 0,
          allowed: item.limit ?? 0,
        });

  const setQty = (item: CatalogItem, qty: number) => {
    const cap = Math.min(item.available, item.limit ?? Number.POSITIVE_INFINITY);
    if (qty > cap) {
      // The eggs case: say kindly what the limit is, and keep what they may have.
      if (item.limit !== null && qty > item.limit) setNotice({ itemId: item.id, text: limitNotice(item) });
      qty = cap;
    } else setNotice(null);
    const next = { ...state.items };
    if (qty <= 0) delete next[item.id];
    else next[item.id] = qty;
    onChange({ items: next });
  };
  const toggleNeed = (c: NeedCategory) =>
    onChange({ otherNeeds: state.otherNeeds.includes(c) ? state.otherNeeds.filter((x) => x !== c) : [...state.otherNeeds, c] });

  return (
    <>
      <p className="lead">{t('needs.hint')}</p>
      {catalog === null ? <p aria-live="polite">{t('needs.loading')}</p> : null}
      {catalog !== null && items.length === 0 ? <p className="notice">{t('needs.empty')}</p> : null}
      {categories.length > 1 ? (
        <div className="chip-row" role="group" aria-label={t('needs.categories')}>
          <button type="button" className="toggle" aria-pressed={filter === null} onClick={() => setFilter(null)}>
            {t('needs.all')}
          </button>
          {categories.map(([c, icon]) => (
            <button key={c} type="button" className="toggle chip-icon" aria-pressed={filter === c} onClick={() => setFilter(c)}>
              <Icon name={categoryIcon(icon)} size={28} />
              {c || t('needs.otherItems')}
            </button>
          ))}
        </div>
      ) : null}
      {/* Said once to a screen reader, from a region that is always there. */}
      <p className="visually-hidden" aria-live="polite">
        {notice?.text ?? ''}
      </p>
      {shown.map(([category, icon], sectionIndex) => (
        <section key={category} className="item-section" aria-label={category || t('needs.otherItems')}>
          <h2 className="section-title">
            <Icon name={categoryIcon(icon)} size={32} />
            {category || t('needs.otherItems')}
          </h2>
          {/* A window of the grid: a big catalogue's thousands of tiles are not all in the page. */}
          <Windowed
            as="ul"
            className="item-grid"
            block={ITEM_BLOCK}
            estimate={ITEM_BLOCK_PX}
            pinnedBlocks={Math.max(0, Math.ceil((ITEM_PINNED - (offsets[sectionIndex] ?? 0)) / ITEM_BLOCK))}
            keyOf={(item) => item.id}
            items={sectionItems[sectionIndex] ?? []}
            render={(item) => {
              const qty = state.items[item.id] ?? 0;
              // Marked before the tap: nothing more of it for this household in this period.
              const used = item.limit === 0;
              const atLimit = used || (item.limit !== null && qty >= item.limit);
              const markId = `limit-${item.id}`;
              return (
                <Fragment key={item.id}>
                  <li className={['item-tile', qty > 0 ? 'selected' : '', used ? 'limit-used' : ''].filter(Boolean).join(' ')}>
                    <button
                      type="button"
                      className="item-button"
                      aria-pressed={qty > 0}
                      aria-describedby={used ? markId : undefined}
                      onClick={() => (used ? setNotice({ itemId: item.id, text: limitNotice(item) }) : setQty(item, qty > 0 ? 0 : 1))}
                    >
                      <Icon name={categoryIcon(item.categoryIcon)} size={36} />
                      <span className="item-name">{item.name}</span>
                      {item.untranslated ? <span className="untranslated">{t('needs.untranslated')}</span> : null}
                      {item.limitQty !== null ? (
                        <span className="item-limit">{t('needs.limit', { limit: item.limitQty, count: item.limitDays ?? 1 })}</span>
                      ) : null}
                      {used ? (
                        <span className="limit-mark" id={markId}>
                          <Icon name="calendar" size={24} />
                          {t('needs.limitMark')}
                        </span>
                      ) : null}
                    </button>
                    {qty > 0 ? (
                      <div className="qty-row">
                        <button
                          type="button"
                          className="round-button small"
                          aria-label={t('common:decrease', { label: item.name })}
                          onClick={() => setQty(item, qty - 1)}
                        >
                          −
                        </button>
                        <output className="qty-value" aria-live="polite">
                          {qty}
                        </output>
                        <button
                          type="button"
                          className={atLimit ? 'round-button small at-limit' : 'round-button small'}
                          aria-label={t('common:increase', { label: item.name })}
                          onClick={() => setQty(item, qty + 1)}
                        >
                          +
                        </button>
                      </div>
                    ) : null}
                  </li>
                  {/* Right under the tile's row, the width of the grid: readable, and beside what was tapped. */}
                  {notice?.itemId === item.id ? (
                    <li ref={noticeRef} className="item-notice">
                      <p className="notice notice-kind">{notice.text}</p>
                    </li>
                  ) : null}
                </Fragment>
              );
            }}
          />
        </section>
      ))}

      <section className="item-section" aria-labelledby="other-help">
        <h2 className="section-title" id="other-help">
          {t('needs.otherTitle')}
        </h2>
        <ul className="tile-grid">
          {NEED_CATEGORIES.map((c) => (
            <li key={c}>
              <button type="button" className="tile" aria-pressed={state.otherNeeds.includes(c)} onClick={() => toggleNeed(c)}>
                <Icon name={NEED_ICONS[c] ?? 'plus'} size={44} />
                <span>{t(`needKinds.${c}`)}</span>
              </button>
            </li>
          ))}
        </ul>
        <TextField
          label={t('needs.detail')}
          hint={t('optional')}
          value={state.needDetail}
          maxLength={200}
          onChange={(needDetail) => onChange({ needDetail })}
        />
        {state.otherNeeds.length > 0 ? (
          <button
            type="button"
            className="toggle share-toggle"
            aria-pressed={state.shareNeeds}
            onClick={() => onChange({ shareNeeds: !state.shareNeeds })}
          >
            <Icon name="share" size={28} />
            {t('share.needs')}
          </button>
        ) : null}
      </section>
    </>
  );
}
