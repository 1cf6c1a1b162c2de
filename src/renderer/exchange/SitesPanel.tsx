import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { KnownSite, SiteCard, WrittenFile } from '../../shared/api/channels/exchange';
import type { NetworkHub } from '../../shared/api/channels/network';
import { isolate } from '../../shared/slips/bidi';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { QrCode } from '../components/QrCode';
import type { PanelProps } from './panel-props';
import { WhereChooser } from './WhereChooser';

/** Our card (QR + file) for other hubs, the hubs we know, and adding one by its card code. */
export function SitesPanel({ folder, onFolder }: PanelProps) {
  const { t } = useTranslation('exchange');
  const api = useApi();
  const id = useId();
  const [card, setCard] = useState<SiteCard | null>(null);
  const [sites, setSites] = useState<KnownSite[]>([]);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A hub just trusted whose card carries a Syncthing device: offered for sharing over the network.
  const [offer, setOffer] = useState<NetworkHub | null>(null);

  const load = useCallback(async () => {
    const [c, s] = await Promise.all([api.call('exchange.card', {}), api.call('exchange.sites', {})]);
    if (c.ok) setCard(c.value);
    if (s.ok) setSites(s.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const offerNetwork = async (siteId: string) => {
    const s = await api.call('network.settings', {});
    if (!s.ok || !s.value.enabled) return setOffer(null);
    const st = await api.call('network.status', {});
    setOffer((st.ok && st.value.hubs.find((h) => h.siteId === siteId && h.deviceId !== null && !h.linked)) || null);
  };
  const link = async (hub: NetworkHub) => {
    setError(null);
    const r = await api.call('network.link', { siteId: hub.siteId, linked: true });
    if (!r.ok) return setError(r.error);
    setOffer(null);
    setMessage(t('sync.linkedNow', { site: isolate(hub.name) }));
  };

  const add = async () => {
    setError(null);
    setMessage(null);
    const r = await api.call('exchange.add_card', { code });
    if (!r.ok) return setError(r.error);
    setCode('');
    setMessage(t('sites.added', { site: r.value.name }));
    await load();
    await offerNetwork(r.value.id);
  };
  const toggle = async (site: KnownSite) => {
    setError(null);
    const r = await api.call('exchange.set_trust', { siteId: site.id, trusted: !site.trusted });
    if (!r.ok) return setError(r.error);
    await load();
    if (r.value.trusted) await offerNetwork(site.id);
    else setOffer(null);
  };
  const saveCard = async () => {
    setError(null);
    setMessage(null);
    const r = await api.call('exchange.save_card', { folder });
    if (!r.ok) return setError(r.error);
    const w: WrittenFile = r.value;
    setMessage(w.fileName);
  };

  return (
    <section className="exchange-panel">
      {card ? (
        <section className="own-card">
          <h2>{t('sites.ourCard')}</h2>
          <p className="hint">{t('sites.cardHint')}</p>
          <div className="own-card-body">
            <QrCode digits={card.digits} label={t('sites.qrLabel')} modulePx={3} />
            <div>
              <p className="own-card-name">{card.name}</p>
              <p>
                {t('import.fingerprint')}:{' '}
                <span dir="ltr" translate="no" className="fingerprint">
                  {card.fingerprint}
                </span>
              </p>
            </div>
          </div>
          <WhereChooser folder={folder} onFolder={onFolder} />
          <button type="button" className="button button-secondary" disabled={folder.trim() === ''} onClick={() => void saveCard()}>
            {t('sites.saveCard')}
          </button>
        </section>
      ) : null}
      <ErrorNotice error={error} />
      {offer ? (
        <div className="notice sync-offer" role="group" aria-label={t('sync.offerTitle')}>
          <p>{t('sync.offerTrusted', { site: isolate(offer.name) })}</p>
          <div className="sync-actions">
            <button type="button" className="button button-primary" onClick={() => void link(offer)}>
              {t('sync.link', { site: isolate(offer.name) })}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOffer(null)}>
              {t('sync.notNow')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      ) : null}
      <form
        className="add-card"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField
          id={`${id}-code`}
          kind="ascii"
          label={t('sites.addCode')}
          maxLength={16_384}
          value={code}
          onChange={setCode}
          action={
            <button type="submit" className="button button-primary" disabled={code.trim() === ''}>
              {t('sites.add')}
            </button>
          }
        />
      </form>
      <h2>{t('sites.known')}</h2>
      {sites.length === 0 ? <p className="hint">{t('sites.noneKnown')}</p> : null}
      <ul className="known-sites">
        {sites.map((s) => (
          <li key={s.id}>
            <span className="known-name">{s.name}</span>
            <span dir="ltr" translate="no" className="fingerprint">
              {s.fingerprint}
            </span>
            <span>{t(s.trusted ? 'status.trusted' : 'status.untrusted')}</span>
            <button type="button" className="button button-quiet" onClick={() => void toggle(s)}>
              {t(s.trusted ? 'sites.untrust' : 'sites.retrust')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
