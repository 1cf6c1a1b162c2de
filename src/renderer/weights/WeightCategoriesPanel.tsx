import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type LocaleCode } from '../../shared/locales';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';

interface Category {
  id: string;
  key: string | null;
  names: Record<string, string>;
}

/**
 * The food bank's weight categories, as the coordinator keeps them: each built-in one may be
 * renamed in any language (empty: its translation), and the site adds (or archives) its own.
 */
export function WeightCategoriesPanel({ language }: { language: LocaleCode }) {
  const { t, i18n } = useTranslation('weights');
  const list = useApiQuery('weights.categories', {});
  // A name saved here is the name every item's category choice shows (month.weight_categories).
  const saving = useApiMutation('weights.save_category', { invalidates: ['weights.categories', 'month.weight_categories'] });
  const categories: readonly Category[] = list.data ?? [];
  const [editing, setEditing] = useState<Category | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  /** The built-in name in a language, as every screen shows it when the coordinator gave none. */
  const builtIn = (c: Category, lng: string) => (c.key ? i18n.getFixedT(lng, 'month')(`weightCategory.${c.key}`) : '');
  const shown = (c: Category) => c.names[language] ?? (c.key ? builtIn(c, language) : (Object.values(c.names)[0] ?? c.id));

  const open = (c: Category) => {
    setEditing(c);
    setNames({ ...c.names });
    saving.reset();
    setSaved(false);
  };
  const save = async (archived = false) => {
    if (!editing) return;
    const r = await saving.call({ id: editing.id === '' ? null : editing.id, names, archived });
    if (!r.ok) return;
    setEditing(null);
    setSaved(true);
  };

  return (
    <section className="inv-panel" aria-labelledby="weight-categories-title">
      <h2 id="weight-categories-title">{t('categories.title')}</h2>
      <p className="inv-muted">{t('categories.hint')}</p>
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('categories.saved')}
        </p>
      ) : null}
      <ErrorNotice error={saving.error ?? list.error} />
      {editing ? (
        <form
          className="inv-card"
          aria-label={t('categories.editTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h3>{editing.id === '' ? t('categories.newTitle') : shown(editing)}</h3>
          <div className="inv-grid">
            {LOCALES.map((l) => (
              <TextField
                key={l.code}
                label={l.name}
                lang={l.code}
                dir={l.dir}
                value={names[l.code] ?? ''}
                placeholder={builtIn(editing, l.code)}
                maxLength={60}
                onChange={(v) => setNames((n) => ({ ...n, [l.code]: v }))}
              />
            ))}
          </div>
          <div className="inv-actions">
            <button type="submit" className="button button-primary">
              {t('categories.save')}
            </button>
            {editing.key === null && editing.id !== '' ? (
              <button type="button" className="button button-secondary" onClick={() => void save(true)}>
                {t('categories.archive')}
              </button>
            ) : null}
            <button type="button" className="button button-quiet" onClick={() => setEditing(null)}>
              {t('categories.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="inv-actions">
          <button type="button" className="button button-primary" onClick={() => open({ id: '', key: null, names: {} })}>
            {t('categories.add')}
          </button>
        </div>
      )}
      <ul className="inv-results" aria-label={t('categories.title')}>
        {categories.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('categories.rename', { name: shown(c) })}
              onClick={() => open(c)}
            >
              {shown(c)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
