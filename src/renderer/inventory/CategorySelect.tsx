import { useTranslation } from 'react-i18next';
import type { LocaleCode } from '../../shared/locales';
import { useApiQuery } from '../api/query';

interface CategorySelectProps {
  language: LocaleCode;
  value: string;
  onChange(categoryId: string): void;
  /** What the empty choice means here: "no category" on an item, "any" in a filter. */
  emptyLabel: string;
}

/** The catalogue's categories, named in the volunteer's language, as one labelled choice. */
export function CategorySelect({ language, value, onChange, emptyLabel }: CategorySelectProps) {
  const { t } = useTranslation('inventory');
  // In another language the names on screen stay until the new ones come; unread, the choice is empty.
  const categories = useApiQuery('inventory.categories', { language }, { keepPrevious: true }).data ?? [];
  return (
    <label className="field">
      <span>{t('stock.category')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
