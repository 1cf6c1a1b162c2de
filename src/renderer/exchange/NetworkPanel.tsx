import { useTranslation } from 'react-i18next';
import type { NetworkSite } from '../../shared/api/channels/exchange';
import { useApiQuery } from '../api/query';
import { formatDay } from '../dates';
import { formatDate } from './format';
import { unitLabel } from '../inventory/units';
import { formatNumber } from '../format/number';

/** What the hubs we trust said they can give away and are short of, as of their last bundle. */
export function NetworkPanel() {
  const { t, i18n } = useTranslation('exchange');
  // In the reader's language; the last language's list stays up while the next one loads.
  const sites = useApiQuery('exchange.network', { language: i18n.language }, { keepPrevious: true }).data ?? null;

  const list = (items: NetworkSite['spare']) =>
    items.length === 0 ? (
      <p className="hint">{t('network.nothing')}</p>
    ) : (
      <ul className="network-items">
        {items.map((i) => (
          <li key={i.itemId}>
            <bdi>{i.name}</bdi> · {t('inventory:qtyUnit', { qty: formatNumber(i.qty, i18n.language), unit: unitLabel(i.unit, t) })}
          </li>
        ))}
      </ul>
    );

  return (
    <section className="exchange-panel">
      <p className="lead">{t('network.intro')}</p>
      {sites && sites.length === 0 ? <p className="hint">{t('network.none')}</p> : null}
      {sites?.map((s) => (
        <article key={s.id} className="network-site" aria-label={s.name}>
          <h2>{s.name}</h2>
          {s.updatedAt ? <p className="hint">{t('network.updated', { date: formatDate(s.updatedAt, i18n.language) })}</p> : null}
          <div className="network-columns">
            <section>
              <h3>{t('network.spare')}</h3>
              {list(s.spare)}
            </section>
            <section>
              <h3>{t('network.needed')}</h3>
              {list(s.needed)}
            </section>
          </div>
          {s.week ? (
            <p>{t('network.week', { week: formatDay(s.week.week, i18n.language, 'short'), households: s.week.households })}</p>
          ) : null}
        </article>
      ))}
    </section>
  );
}
