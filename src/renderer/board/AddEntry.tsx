import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_CATEGORIES } from '../../shared/api/channels/board';
import type { LocaleCode } from '../../shared/locales';
import { useApiMutation } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { PARTS, dayName, languageNames } from './format';
import { asyncHandler } from '../async-handler';
import { BOARD_CHANGES } from './act';

/** A volunteer puts a need or an offer on the board: big toggles, nothing typed but the detail. */
export function AddEntry({ languages, onAdded }: { languages: readonly LocaleCode[]; onAdded(kind: 'need' | 'offer'): void }) {
  const { t, i18n } = useTranslation('board');
  const adding = useApiMutation('board.add', BOARD_CHANGES);
  const [kind, setKind] = useState<'need' | 'offer'>('need');
  const [category, setCategory] = useState<string>('ride');
  const [detail, setDetail] = useState('');
  const [langs, setLangs] = useState<LocaleCode[]>([]);
  const [days, setDays] = useState<number[]>([]);
  const [parts, setParts] = useState<number[]>([]);
  const [shareable, setShareable] = useState(false);
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  // Days × parts of day; days alone mean the whole day, parts alone mean every day.
  const slots = () => {
    if (days.length === 0 && parts.length === 0) return null;
    const ds = days.length > 0 ? days : [0, 1, 2, 3, 4, 5, 6];
    const ps = parts.length > 0 ? parts : [0, 1, 2];
    return ds.reduce((m, d) => ps.reduce((mm, p) => mm | (1 << (d * 3 + p)), m), 0);
  };

  return (
    <form
      className="add-entry"
      aria-label={t('add.title')}
      onSubmit={asyncHandler(async (e) => {
        e.preventDefault();
        const result = await adding.call({
          kind,
          category,
          detail: detail.trim() || null,
          languages: langs,
          slots: slots(),
          shareable,
        });
        if (result.ok) onAdded(kind);
      })}
    >
      <h2>{t('add.title')}</h2>
      <fieldset>
        <legend>{t('add.kind')}</legend>
        {(['need', 'offer'] as const).map((k) => (
          <button key={k} type="button" className="toggle" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`kind.${k}`)}
          </button>
        ))}
      </fieldset>
      <label htmlFor="board-category">{t('add.category')}</label>
      <select id="board-category" value={category} onChange={(e) => setCategory(e.target.value)}>
        {BOARD_CATEGORIES.filter((c) => c !== 'pantry').map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </select>
      <TextField id="board-detail" label={t('add.detail')} value={detail} maxLength={200} onChange={setDetail} />
      <fieldset>
        <legend>{t('languages')}</legend>
        {languages.map((l) => (
          <button
            key={l}
            type="button"
            className="toggle"
            lang={l}
            aria-pressed={langs.includes(l)}
            onClick={() => setLangs(toggle(langs, l))}
          >
            {languageNames([l], i18n.language)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('add.days')}</legend>
        {[0, 1, 2, 3, 4, 5, 6].map((d) => (
          <button key={d} type="button" className="toggle" aria-pressed={days.includes(d)} onClick={() => setDays(toggle(days, d))}>
            {dayName(d, i18n.language)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('add.parts')}</legend>
        {PARTS.map((p, i) => (
          <button key={p} type="button" className="toggle" aria-pressed={parts.includes(i)} onClick={() => setParts(toggle(parts, i))}>
            {t(`part.${p}`)}
          </button>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={shareable} onChange={(e) => setShareable(e.target.checked)} />
        {t('add.shareable')}
      </label>
      <ErrorNotice error={adding.error} />
      <button type="submit" className="button button-primary">
        {t('add.submit')}
      </button>
    </form>
  );
}
