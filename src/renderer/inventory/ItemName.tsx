import { useTranslation } from 'react-i18next';

/** An item's name; a name shown in the site language because no translation exists is marked. */
export function ItemName({ name, untranslated }: { name: string; untranslated: boolean }) {
  const { t } = useTranslation('inventory');
  return (
    <span className="inv-name">
      {name}
      {untranslated ? <span className="inv-untranslated">{t('notTranslated')}</span> : null}
    </span>
  );
}
