import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocaleCode } from '../../shared/locales';
import { useApi } from '../api/context';

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
  const api = useApi();
  const [categories, setCategories] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    void api.call('inventory.categories', { language }).then((r) => {
      if (r.ok) setCategories(r.value);
    });
  }, [api, language]);
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
