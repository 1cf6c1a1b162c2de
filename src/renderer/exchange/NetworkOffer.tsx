import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkHub } from '../../shared/api/channels/network';
import type { ApiError } from '../../shared/api/errors';
import { isolate } from '../../shared/slips/bidi';
import { useApiFetch, useApiMutation } from '../api/query';

export interface NetworkOfferState {
  /** The hub just trusted, offered for sharing over the network; null when there is nothing to offer. */
  offer: NetworkHub | null;
  /** Asked when a hub is trusted: sharing is offered only while it is on and the hub's card names a device not yet shared with. */
  offerFor(siteId: string): Promise<void>;
  dismiss(): void;
  link(hub: NetworkHub): Promise<boolean>;
  error: ApiError | null;
  reset(): void;
}

/**
 * Trusting a hub whose card carries a Syncthing device offers sharing with it, wherever the trust
 * was given (a card on the Sites tab, a bundle's preview on the Import tab); it is never done
 * behind the coordinator's back.
 */
export function useNetworkOffer(): NetworkOfferState {
  const read = useApiFetch();
  const linking = useApiMutation('network.link', { invalidates: ['network.status'] });
  const [offer, setOffer] = useState<NetworkHub | null>(null);
  return {
    offer,
    async offerFor(siteId) {
      const s = await read('network.settings', {});
      if (!s.ok || !s.value.enabled) return setOffer(null);
      const st = await read('network.status', {});
      setOffer((st.ok && st.value.hubs.find((h) => h.siteId === siteId && h.deviceId !== null && !h.linked)) || null);
    },
    dismiss: () => setOffer(null),
    async link(hub) {
      const r = await linking.call({ siteId: hub.siteId, linked: true });
      if (!r.ok) return false;
      setOffer(null);
      return true;
    },
    error: linking.error,
    reset: linking.reset,
  };
}

/** The offer itself: share with the hub just trusted, or not now. */
export function NetworkOffer({ state, onLinked }: { state: NetworkOfferState; onLinked(hub: NetworkHub): void }) {
  const { t } = useTranslation('exchange');
  const { offer } = state;
  if (!offer) return null;
  return (
    <div className="notice sync-offer" role="group" aria-label={t('sync.offerTitle')}>
      <p>{t('sync.offerTrusted', { site: isolate(offer.name) })}</p>
      <div className="sync-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void state.link(offer).then((ok) => (ok ? onLinked(offer) : undefined))}
        >
          {t('sync.link', { site: isolate(offer.name) })}
        </button>
        <button type="button" className="button button-quiet" onClick={state.dismiss}>
          {t('sync.notNow')}
        </button>
      </div>
    </div>
  );
}
