import { useTranslation } from 'react-i18next';
import type { LocaleCode } from '../../shared/locales';
import { useApiQuery } from '../api/query';

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
  const name = useCategoryName();
  // Keyed by language: the list in the old language stays until the new one is read.
  const categories: readonly Category[] = useApiQuery('month.weight_categories', { language }, { keepPrevious: true }).data ?? [];
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
