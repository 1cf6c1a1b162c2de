import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../shared/api/errors';
import type { Arrival, NetworkHub } from '../../shared/api/channels/network';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice, errorKeys } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import { isolate, ltrIsolate } from '../../shared/slips/bidi';
import { formatDate } from './format';
import { asyncHandler } from '../async-handler';

/** What a write to the network sharing makes old: its settings and each hub's status. */
const NETWORK_CHANGES = { invalidates: ['network.settings', 'network.status'] } as const;

/**
 * Sharing over the network (issue 18): the same signed files as on a stick, carried by the
 * Syncthing on this computer. The coordinator turns it on, sees plainly whether Syncthing is
 * there (the stick works either way), chooses per trusted hub whether to share with its device
 * and whether what arrives is applied at once or waits for a look, and sees each hub's status.
 */
/** `onReview`: opens the Receive tab on the network folder, where a file that waits is looked at. */
export function SyncPanel({ onReview }: { onReview(folder: string): void }) {
  const { t, i18n } = useTranslation('exchange');
  const id = useId();
  const settingsRead = useApiQuery('network.settings', {});
  const statusRead = useApiQuery('network.status', {});
  const settings = settingsRead.data ?? null;
  const status = statusRead.data ?? null;
  // What the coordinator typed, over the folder in use or the one suggested.
  const [folderDraft, setFolder] = useState<string | null>(null);
  const folder = folderDraft ?? (settings?.folder || settings?.suggestedFolder || '');
  const [address, setAddress] = useState('');
  const [apiKey, setApiKey] = useState('');
  // With no Syncthing found, its address is asked for at once, until the coordinator says otherwise.
  const [giveAddressDraft, setGiveAddress] = useState<boolean | null>(null);
  const giveAddress = giveAddressDraft ?? (settings !== null && !settings.found && !settings.enabled);
  const configuring = useApiMutation('network.configure', NETWORK_CHANGES);
  // Sharing now also applies what arrived from hubs whose files are applied at once.
  const syncing = useApiMutation('network.sync', {
    invalidates: [...NETWORK_CHANGES.invalidates, 'exchange.log', 'exchange.network'],
  });
  const linking = useApiMutation('network.link', NETWORK_CHANGES);
  const choosing = useApiMutation('network.auto_apply', NETWORK_CHANGES);
  const [message, setMessage] = useState<string | null>(null);
  // After a refusal both are read again too (Syncthing may have gone meanwhile), still busy.
  const [rereading, setRereading] = useState(false);
  const busy = configuring.pending || syncing.pending || linking.pending || choosing.pending || rereading;

  const reread = () => Promise.all([settingsRead.refetch(), statusRead.refetch()]);
  const run = async (work: () => Promise<ApiResult<unknown>>) => {
    // Only the last tap's refusal is shown.
    configuring.reset();
    syncing.reset();
    linking.reset();
    choosing.reset();
    setMessage(null);
    const r = await work();
    if (r.ok) return;
    setRereading(true);
    try {
      await reread();
    } finally {
      setRereading(false);
    }
  };

  const turn = (enabled: boolean) =>
    run(() =>
      configuring.call({
        enabled,
        ...(enabled && folder.trim() ? { folder: folder.trim() } : {}),
        ...(enabled && giveAddress && address.trim() ? { apiUrl: address.trim() } : {}),
        ...(enabled && giveAddress && apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      }),
    );

  const shareNow = () =>
    run(async () => {
      const r = await syncing.call({});
      if (r.ok) setMessage(t('sync.shared', { file: ltrIsolate(r.value.written?.fileName ?? ''), n: r.value.arrivals.length }));
      return r;
    });

  // Nothing until both have answered once, so the line about Syncthing never shows half-known.
  if (!settings || statusRead.isPending) return null;
  const on = settings.enabled;
  const answering = status?.state === 'running';

  return (
    <section className="exchange-panel sync-panel">
      <p className="lead">{t('sync.intro')}</p>
      <section className="sync-syncthing" aria-labelledby={`${id}-st`}>
        <h2 id={`${id}-st`}>{t('sync.syncthing')}</h2>
        <p
          className={
            on ? (answering ? 'notice notice-ok' : 'notice notice-warn') : settings.found ? 'notice notice-ok' : 'notice notice-warn'
          }
          role="status"
        >
          {on
            ? answering
              ? t('sync.running', { url: ltrIsolate(settings.apiUrl ?? '') })
              : t('sync.notAnswering', { url: ltrIsolate(settings.apiUrl ?? '') })
            : settings.found
              ? t('sync.found', { url: ltrIsolate(settings.apiUrl ?? '') })
              : t('sync.notFound')}
        </p>
        {on && settings.deviceId ? (
          <p className="sync-device">
            {t('sync.ourDevice')}{' '}
            <span dir="ltr" translate="no" className="fingerprint">
              {settings.deviceId}
            </span>
          </p>
        ) : null}
        {on ? (
          <p className="hint">
            {t('sync.folder')}{' '}
            <bdi dir="ltr" translate="no">
              {settings.folder}
            </bdi>
          </p>
        ) : (
          <form
            className="sync-form"
            onSubmit={(e) => {
              e.preventDefault();
              void turn(true);
            }}
          >
            <TextField
              id={`${id}-folder`}
              kind="ascii"
              dir="ltr"
              label={t('sync.folder')}
              hint={t('sync.folderHint')}
              maxLength={1000}
              value={folder}
              onChange={setFolder}
            />
            <button type="button" className="button button-quiet" aria-expanded={giveAddress} onClick={() => setGiveAddress(!giveAddress)}>
              {t('sync.giveAddress')}
            </button>
            {giveAddress ? (
              <>
                <TextField
                  id={`${id}-url`}
                  kind="ascii"
                  dir="ltr"
                  label={t('sync.address')}
                  hint={t('sync.addressHint')}
                  maxLength={200}
                  value={address}
                  onChange={setAddress}
                />
                <TextField
                  id={`${id}-key`}
                  kind="ascii"
                  dir="ltr"
                  label={t('sync.apiKey')}
                  maxLength={200}
                  value={apiKey}
                  onChange={setApiKey}
                />
              </>
            ) : null}
            <button type="submit" className="button button-primary" disabled={busy || folder.trim() === ''}>
              {t('sync.turnOn')}
            </button>
          </form>
        )}
        {on ? (
          <div className="sync-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void shareNow()}>
              {t('sync.shareNow')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void reread()}>
              {t('sync.refresh')}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => void turn(false)}>
              {t('sync.turnOff')}
            </button>
          </div>
        ) : null}
      </section>
      <ErrorNotice error={configuring.error ?? syncing.error ?? linking.error ?? choosing.error} />
      {message ? (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      ) : null}
      {on && status ? (
        <>
          <h2>{t('sync.hubs')}</h2>
          {status.hubs.length === 0 ? <p className="hint">{t('sync.noHubs')}</p> : null}
          {status.hubs.map((h) => (
            <HubCard
              key={h.siteId}
              hub={h}
              busy={busy}
              onLink={asyncHandler((linked: boolean) => run(() => linking.call({ siteId: h.siteId, linked })))}
              onAutoApply={asyncHandler((autoApply: boolean) => run(() => choosing.call({ siteId: h.siteId, autoApply })))}
            />
          ))}
          {status.arrivals.length > 0 ? (
            <section className="sync-arrivals" aria-labelledby={`${id}-arr`}>
              <h2 id={`${id}-arr`}>{t('sync.arrivals')}</h2>
              {settings.folder && status.arrivals.some((a) => a.status === 'waiting') ? (
                <button type="button" className="button button-secondary" onClick={() => onReview(settings.folder!)}>
                  {t('sync.review')}
                </button>
              ) : null}
              <ul>
                {status.arrivals.map((a) => (
                  <li key={a.id}>
                    {formatDate(a.at, i18n.language)} · <bdi>{a.siteName ?? a.fileName}</bdi> · <ArrivalWord arrival={a} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ArrivalWord({ arrival }: { arrival: Arrival }) {
  const { t } = useTranslation('exchange');
  if (arrival.status === 'applied') return <>{t('sync.arrival.applied')}</>;
  if (arrival.status === 'waiting') return <>{t(arrival.reason === 'review' ? 'sync.arrival.review' : 'sync.arrival.untrusted')}</>;
  return (
    <>{t('sync.arrival.refused', { why: t(errorKeys(arrival.reason ?? 'api.internal'), { defaultValue: t('errors:api.internal') }) })}</>
  );
}

function HubCard({
  hub,
  busy,
  onLink,
  onAutoApply,
}: {
  hub: NetworkHub;
  busy: boolean;
  onLink(linked: boolean): void;
  onAutoApply(auto: boolean): void;
}) {
  const { t, i18n } = useTranslation('exchange');
  const id = useId();
  const when = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : t('sync.never'));
  const connection =
    hub.connected === null ? t('sync.connection.unknown') : hub.connected ? t('sync.connection.yes') : t('sync.connection.no');
  return (
    <article className="sync-hub" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        <bdi>{hub.name}</bdi>
      </h3>
      {!hub.deviceId ? (
        <p className="hint">{t('sync.noDevice')}</p>
      ) : hub.linked ? (
        <p className="sync-line">
          <span>{t('sync.linked')}</span>
          <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => onLink(false)}>
            {t('sync.unlink', { site: isolate(hub.name) })}
          </button>
        </p>
      ) : (
        <p className="sync-line">
          <span>{t('sync.offer')}</span>
          <button type="button" className="button button-primary button-small" disabled={busy} onClick={() => onLink(true)}>
            {t('sync.link', { site: isolate(hub.name) })}
          </button>
        </p>
      )}
      <div className="sync-choice" role="group" aria-labelledby={`${id}-choice`}>
        <span id={`${id}-choice`}>{t('sync.whenArrives')}</span>
        <button type="button" className="toggle" aria-pressed={hub.autoApply} disabled={busy} onClick={() => onAutoApply(true)}>
          {t('sync.applyAuto')}
        </button>
        <button type="button" className="toggle" aria-pressed={!hub.autoApply} disabled={busy} onClick={() => onAutoApply(false)}>
          {t('sync.waitForLook')}
        </button>
      </div>
      <dl className="sync-status">
        <div>
          <dt>{t('sync.connection.label')}</dt>
          <dd>{connection}</dd>
        </div>
        <div>
          <dt>{t('sync.lastArrived')}</dt>
          <dd>{when(hub.lastArrivedAt)}</dd>
        </div>
        <div>
          <dt>{t('sync.lastApplied')}</dt>
          <dd>{when(hub.lastAppliedAt)}</dd>
        </div>
      </dl>
    </article>
  );
}
