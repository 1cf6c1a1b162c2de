import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportLogEntry, ImportPreview } from '../../shared/api/channels/exchange';
import { useApiFetch, useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { useIntoView } from '../components/use-into-view';
import { isolate, ltrIsolate } from '../../shared/slips/bidi';
import type { PanelProps } from './panel-props';
import { WhereChooser } from './WhereChooser';
import { formatBytes, formatDate } from './format';
import { TRUST_CHANGES } from './changes';
import { NetworkOffer, useNetworkOffer } from './NetworkOffer';

/** Choose → verify and preview (nothing changes yet) → trust if needed → import in one go. */
export function ImportPanel({ folder, onFolder }: PanelProps) {
  const { t, i18n } = useTranslation('exchange');
  const read = useApiFetch();
  // The files on the stick as of the last tap on Look, in the folder looked in; the list stays
  // while the next look reads (a newer look's answer always wins).
  const [looked, setLooked] = useState<string | null>(null);
  const listing = useApiQuery('exchange.files', { folder: looked ?? '' }, { enabled: looked !== null, keepPrevious: true });
  const files = looked !== null && !listing.isError ? (listing.data?.filter((f) => f.kind === 'share') ?? null) : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const previewRef = useIntoView<HTMLElement>(preview?.sha256 ?? null);
  const [applied, setApplied] = useState<ImportLogEntry | null>(null);
  const log = useApiQuery('exchange.log', {}).data ?? [];
  // A preview is a snapshot of one file at one tap: nothing keeps it in the cache.
  const previewing = useApiMutation('exchange.preview');
  const trusting = useApiMutation('exchange.trust_from_bundle', TRUST_CHANGES);
  // What an import makes old: the log below, and what the other tabs show of the hubs.
  const applying = useApiMutation('exchange.apply', {
    invalidates: ['exchange.log', 'exchange.network', 'exchange.sites', 'network.status'],
  });
  const busy = applying.pending;
  // Trusting the signer from the preview offers sharing with it over the network, right here.
  const network = useNetworkOffer();
  const [linkedNow, setLinkedNow] = useState<string | null>(null);
  /** Only the last tap's refusal is shown. */
  const clearErrors = () => {
    previewing.reset();
    trusting.reset();
    applying.reset();
    network.reset();
    setLinkedNow(null);
  };

  const look = async () => {
    clearErrors();
    setPreview(null);
    setApplied(null);
    setLooked(folder);
    // Asked again at every tap: a file copied on since the last look shows.
    await read('exchange.files', { folder });
  };
  const open = async (name: string) => {
    setChosen(name);
    clearErrors();
    network.dismiss();
    setApplied(null);
    setPreview(null);
    const r = await previewing.call({ folder, name });
    if (r.ok) setPreview(r.value);
  };
  const trust = async (siteId: string) => {
    if (!chosen) return;
    clearErrors();
    const r = await trusting.call({ folder, name: chosen, siteId });
    if (!r.ok) return;
    await open(chosen);
    await network.offerFor(siteId);
  };
  const apply = async () => {
    if (!chosen || !preview) return;
    clearErrors();
    const r = await applying.call({ folder, name: chosen, sha256: preview.sha256 });
    if (!r.ok) return;
    setApplied(r.value);
    setPreview(null);
  };

  return (
    <section className="exchange-panel">
      <p className="lead">{t('import.intro')}</p>
      <WhereChooser folder={folder} onFolder={onFolder} />
      <button type="button" className="button button-secondary" disabled={folder.trim() === ''} onClick={() => void look()}>
        {t('import.look')}
      </button>
      <ErrorNotice
        error={(listing.isFetching ? null : listing.error) ?? previewing.error ?? trusting.error ?? applying.error ?? network.error}
      />
      {files && files.length === 0 ? <p className="hint">{t('import.none')}</p> : null}
      {files && files.length > 0 ? (
        <ul className="file-list" aria-label={t('import.choose')}>
          {files.map((f) => (
            <li key={f.name}>
              <button type="button" className="file-button" aria-pressed={chosen === f.name} onClick={() => void open(f.name)}>
                <span dir="ltr" translate="no">
                  {f.name}
                </span>
                <span className="hint">{formatBytes(f.bytes, i18n.language)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {preview ? (
        <section ref={previewRef} className="preview" aria-label={t('import.whatChanges')}>
          <h2>{t('import.from', { site: preview.signer.name, date: formatDate(preview.created, i18n.language) })}</h2>
          {preview.signer.newName !== undefined ? (
            <p className="notice notice-warn" role="status">
              {t('import.renamed', { site: isolate(preview.signer.name), name: isolate(preview.signer.newName) })}
            </p>
          ) : null}
          {!preview.canApply ? (
            <p className="notice notice-warn" role="status">
              {t('import.unknownSigner')}
            </p>
          ) : null}
          <table className="preview-table">
            <caption>{t('import.sites')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.site')}</th>
                <th scope="col">{t('import.fingerprint')}</th>
                <th scope="col">{t('import.records')}</th>
                <th scope="col">{t('import.trustColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.sites.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <bdi>{s.name}</bdi>
                  </th>
                  <td dir="ltr" translate="no" className="fingerprint">
                    {s.fingerprint ?? '—'}
                  </td>
                  <td>{s.records}</td>
                  <td>
                    {s.status === 'unknown' || s.status === 'untrusted' ? (
                      s.fingerprint ? (
                        <button type="button" className="button button-secondary button-small" onClick={() => void trust(s.id)}>
                          {t('import.trust', { site: s.name })}
                        </button>
                      ) : (
                        t(`status.${s.status}`)
                      )
                    ) : (
                      t(`status.${s.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <NetworkOffer state={network} onLinked={(hub) => setLinkedNow(t('sync.linkedNow', { site: isolate(hub.name) }))} />
          {linkedNow ? (
            <p className="notice notice-ok" role="status">
              {linkedNow}
            </p>
          ) : null}
          <table className="preview-table">
            <caption>{t('import.whatChanges')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.type')}</th>
                <th scope="col">{t('import.new')}</th>
                <th scope="col">{t('import.updated')}</th>
                <th scope="col">{t('import.unchanged')}</th>
                <th scope="col">{t('import.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.counts.map((c) => (
                <tr key={c.type}>
                  <th scope="row">{t(`types.${c.type}`)}</th>
                  <td>{c.new}</td>
                  <td>{c.updated}</td>
                  <td>{c.unchanged}</td>
                  <td className={c.rejected > 0 ? 'rejected' : undefined}>{c.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.rejected.length > 0 ? (
            <ul className="rejected-list">
              {[...new Set(preview.rejected.map((r) => `${r.type}|${r.reason}|${r.site}|${r.field ?? ''}`))].map((key) => {
                const [type = '', reason = '', site = '', field = ''] = key.split('|');
                const name = preview.sites.find((s) => s.id === site)?.name ?? site;
                return (
                  <li key={key}>
                    {/* The field is named as the bundle format names it, for the coordinator to pass on to the sender. */}
                    {t(`types.${type}`)} · <bdi>{name}</bdi>:{' '}
                    {field ? t('reasons.invalidField', { field: ltrIsolate(field) }) : t(`reasons.${reason}`)}
                  </li>
                );
              })}
            </ul>
          ) : null}
          <button type="button" className="button button-primary" disabled={!preview.canApply || busy} onClick={() => void apply()}>
            {t('import.apply')}
          </button>
        </section>
      ) : null}
      {applied ? (
        <p className="notice notice-ok" role="status">
          {t('import.applied', { site: applied.siteName })}
        </p>
      ) : null}
      {log.length > 0 ? (
        <section className="import-log">
          <h2>{t('import.log')}</h2>
          <ul>
            {log.map((l) => (
              <li key={l.id}>
                {/* Each hub name is isolated so a Latin name inside Arabic text keeps its place. */}
                {t('import.logLine', { date: formatDate(l.at, i18n.language), site: isolate(l.siteName) })}
                {' · '}
                {t('import.logRecords', { count: l.origins.reduce((n, o) => n + o.records, 0) })}
                {l.origins.some((o) => o.id !== l.siteId) ? (
                  <span className="log-origin">
                    {t('import.logRelayed', {
                      list: new Intl.ListFormat(i18n.language, { type: 'unit' }).format(
                        l.origins.filter((o) => o.id !== l.siteId).map((o) => `${isolate(o.name)} ${o.records}`),
                      ),
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
