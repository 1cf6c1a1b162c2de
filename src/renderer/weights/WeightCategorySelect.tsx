import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocaleCode } from '../../shared/locales';
import { useApi } from '../api/context';

interface Category {
  id: string;
  key: string | null;
  name: string | null;
}

/** How a weight category reads: the coordinator's own word, else the built-in one's translation. */
export function useCategoryName(): (c: Category) => string {
  const { t } = useTranslation('month');
  return (c) => c.name ?? (c.key ? t(`weightCategory.${c.key}`) : c.id);
}

/** The food bank's weight category of an item, as one labelled choice. */
export function WeightCategorySelect({ language, value, onChange }: { language: LocaleCode; value: string; onChange(id: string): void }) {
  const { t } = useTranslation('weights');
  const api = useApi();
  const name = useCategoryName();
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    let live = true;
    void api.call('month.weight_categories', { language }).then((r) => {
      if (live && r.ok) setCategories(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, language]);
  return (
    <label className="field">
      <span>{t('category.label')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('category.none')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {name(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
