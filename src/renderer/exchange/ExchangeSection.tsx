import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../volunteer/section-props';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SitesPanel } from './SitesPanel';
import { BackupPanel } from './BackupPanel';
import { NetworkPanel } from './NetworkPanel';
import { SyncPanel } from './SyncPanel';
import '../styles/exchange.css';

const TABS = ['export', 'import', 'network', 'sync', 'sites', 'backup'] as const;
type Tab = (typeof TABS)[number];

/** The coordinator's USB desk: send to other hubs, receive from them, trust, back up. */
export function ExchangeSection(_props: SectionProps) {
  const { t } = useTranslation('exchange');
  const [tab, setTab] = useState<Tab>('export');
  // One folder for the whole visit to the desk: the stick stays the same between tabs.
  const [folder, setFolder] = useState('');
  return (
    <div className="exchange">
      <h1>{t('title')}</h1>
      <nav className="exchange-tabs" aria-label={t('title')}>
        {TABS.map((id) => (
          <button key={id} type="button" className="tab" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {t(`tabs.${id}`)}
          </button>
        ))}
      </nav>
      {tab === 'export' ? <ExportPanel folder={folder} onFolder={setFolder} /> : null}
      {tab === 'import' ? <ImportPanel folder={folder} onFolder={setFolder} /> : null}
      {tab === 'network' ? <NetworkPanel /> : null}
      {tab === 'sync' ? (
        <SyncPanel
          onReview={(f) => {
            setFolder(f);
            setTab('import');
          }}
        />
      ) : null}
      {tab === 'sites' ? <SitesPanel folder={folder} onFolder={setFolder} /> : null}
      {tab === 'backup' ? <BackupPanel folder={folder} onFolder={setFolder} /> : null}
    </div>
  );
}
