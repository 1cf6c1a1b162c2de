import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleFile, KnownSite, WrittenFile } from '../../shared/api/channels/exchange';
import type { ApiError } from '../../shared/api/errors';
import { isolate } from '../../shared/slips/bidi';
import { useApiFetch, useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { QrCode } from '../components/QrCode';
import type { PanelProps } from './panel-props';
import { WhereChooser } from './WhereChooser';
import { TRUST_CHANGES } from './changes';
import { NetworkOffer, useNetworkOffer } from './NetworkOffer';

/** Our card (QR + file) for other hubs, the hubs we know, and adding one from its card file on a stick or by its card code. */
export function SitesPanel({ folder, onFolder }: PanelProps) {
  const { t } = useTranslation('exchange');
  const id = useId();
  const card = useApiQuery('exchange.card', {}).data ?? null;
  const sites = useApiQuery('exchange.sites', {}).data ?? [];
  const read = useApiFetch();
  const adding = useApiMutation('exchange.add_card', TRUST_CHANGES);
  const trusting = useApiMutation('exchange.set_trust', TRUST_CHANGES);
  const savingCard = useApiMutation('exchange.save_card');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // A hub just trusted whose card carries a Syncthing device: offered for sharing over the network.
  const network = useNetworkOffer();
  // The hub card files found on the stick at the last look (null: not looked yet).
  const [cards, setCards] = useState<BundleFile[] | null>(null);
  const [lookError, setLookError] = useState<ApiError | null>(null);
  /** Only the last tap's refusal is shown. */
  const clearErrors = () => {
    setLookError(null);
    adding.reset();
    trusting.reset();
    network.reset();
    savingCard.reset();
  };

  /** Adds and trusts a hub by its card: typed or scanned, or the card file the coordinator chose on the stick. */
  const add = async (from: { code: string } | { folder: string; name: string }) => {
    clearErrors();
    setMessage(null);
    const r = await adding.call(from);
    if (!r.ok) return;
    if ('code' in from) setCode('');
    setMessage(t('sites.added', { site: r.value.name }));
    await network.offerFor(r.value.id);
  };
  // Asked again at every tap: a card copied onto the stick since the last look shows.
  const lookForCards = async () => {
    clearErrors();
    setMessage(null);
    const r = await read('exchange.files', { folder });
    if (r.ok) setCards(r.value.filter((f) => f.kind === 'card'));
    else {
      setCards(null);
      setLookError(r.error);
    }
  };
  const toggle = async (site: KnownSite) => {
    clearErrors();
    const r = await trusting.call({ siteId: site.id, trusted: !site.trusted });
    if (!r.ok) return;
    if (r.value.trusted) await network.offerFor(site.id);
    else network.dismiss();
  };
  const saveCard = async () => {
    clearErrors();
    setMessage(null);
    const r = await savingCard.call({ folder });
    if (!r.ok) return;
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
        </section>
      ) : null}
      <section className="card-stick" aria-labelledby={`${id}-stick`}>
        <h2 id={`${id}-stick`}>{t('sites.onStick')}</h2>
        <p className="hint">{t('sites.onStickHint')}</p>
        <WhereChooser folder={folder} onFolder={onFolder} />
        <div className="card-stick-actions">
          {card ? (
            <button type="button" className="button button-secondary" disabled={folder.trim() === ''} onClick={() => void saveCard()}>
              {t('sites.saveCard')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" disabled={folder.trim() === ''} onClick={() => void lookForCards()}>
            {t('sites.lookCards')}
          </button>
        </div>
        {cards && cards.length === 0 ? <p className="hint">{t('sites.noCards')}</p> : null}
        {cards && cards.length > 0 ? (
          <ul className="file-list" aria-label={t('sites.cardsFound')}>
            {cards.map((f) => (
              <li key={f.name}>
                <button type="button" className="file-button" onClick={() => void add({ folder, name: f.name })}>
                  <span>{t('sites.addFile')}</span>
                  <span dir="ltr" translate="no">
                    {f.name}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <ErrorNotice error={lookError ?? adding.error ?? trusting.error ?? network.error ?? savingCard.error} />
      <NetworkOffer state={network} onLinked={(hub) => setMessage(t('sync.linkedNow', { site: isolate(hub.name) }))} />
      {message ? (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      ) : null}
      <form
        className="add-card"
        onSubmit={(e) => {
          e.preventDefault();
          void add({ code });
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
