import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_CODES, type LocaleCode } from '../../shared/locales';
import type { SectionProps } from '../volunteer/section-props';
import { CataloguePanel } from './CataloguePanel';
import { CountPanel } from './CountPanel';
import { ReceivePanel } from './ReceivePanel';
import { StockPanel } from './StockPanel';
import '../styles/inventory.css';

type Tab = 'receive' | 'stock' | 'count' | 'catalogue';
const TABS: Tab[] = ['receive', 'stock', 'count', 'catalogue'];

/** The stock room behind the PIN: receive, the stock list, counts and the catalogue file. */
export function InventorySection({ settings }: SectionProps) {
  const { t, i18n } = useTranslation('inventory');
  const [tab, setTab] = useState<Tab>('receive');
  // Names show in the volunteer's screen language, falling back (marked) to the site's.
  const language = (LOCALE_CODES as readonly string[]).includes(i18n.language) ? (i18n.language as LocaleCode) : settings.siteLanguage;
  return (
    <>
      <h1>{t('title')}</h1>
      <nav className="inv-tabs" aria-label={t('title')}>
        {TABS.map((x) => (
          <button key={x} type="button" className="tab" aria-current={tab === x ? 'page' : undefined} onClick={() => setTab(x)}>
            {t(`tabs.${x}`)}
          </button>
        ))}
      </nav>
      {tab === 'receive' ? <ReceivePanel language={language} siteLanguage={settings.siteLanguage} /> : null}
      {tab === 'stock' ? <StockPanel language={language} siteLanguage={settings.siteLanguage} /> : null}
      {tab === 'count' ? <CountPanel language={language} /> : null}
      {tab === 'catalogue' ? <CataloguePanel /> : null}
    </>
  );
}
