import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATION_ROLES, type StationInvite, type StationRole } from '../../shared/api/channels/stations';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { NumberField } from '../kiosk/NumberField';
import { TextField } from '../kiosk/TextField';
import { QrCode } from '../components/QrCode';
import './stations.css';

function when(iso: string | null, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The coordinator's "Stations": turn them on (off by default: loopback only), add one with a QR
 * and a short code, see every station and revoke one.
 */
export function StationsSection() {
  const { t, i18n } = useTranslation('stations');
  // Another coordinator's change (or a station pairing) shows here without reloading.
  const read = useApiQuery('stations.status', {}, { live: ['stations'] });
  const status = read.data;
  // What the coordinator typed, over what the hub has stored (the port 47443 until one is).
  const [addressDraft, setAddress] = useState<string | null>(null);
  const [portDraft, setPort] = useState<string | null>(null);
  const address = addressDraft ?? status?.address ?? '';
  const port = portDraft ?? (status?.port ? String(status.port) : '47443');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StationRole>('pickup');
  const [invite, setInvite] = useState<StationInvite | null>(null);
  const configuring = useApiMutation('stations.configure', { invalidates: ['stations.status'] });
  const inviting = useApiMutation('stations.invite');
  const revoking = useApiMutation('stations.revoke', { invalidates: ['stations.status'] });
  // One message at a time: the last action's refusal, else a failed read.
  const error = configuring.error ?? inviting.error ?? revoking.error ?? read.error;

  const configure = async (enabled: boolean) => {
    inviting.reset();
    revoking.reset();
    const r = await configuring.call({ enabled, address: address.trim(), port: Number(port) });
    if (r.ok && !enabled) setInvite(null);
  };

  const add = async () => {
    configuring.reset();
    revoking.reset();
    const r = await inviting.call({ name, role });
    if (!r.ok) return;
    setInvite(r.value);
    setName('');
  };

  const revoke = async (id: string) => {
    configuring.reset();
    inviting.reset();
    await revoking.call({ id });
  };

  if (!status) return <ErrorNotice error={error} />;
  return (
    <section className="stations" aria-labelledby="stations-title">
      <h1 id="stations-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <ErrorNotice error={error} />
      <form
        className="stations-config"
        onSubmit={(e) => {
          e.preventDefault();
          void configure(!status.enabled);
        }}
      >
        {/* While stations are on, the address and port in use are shown in the notice below; they change only when turned off. */}
        {status.enabled ? null : (
          <>
            <TextField
              label={t('address')}
              hint={t('addressHint')}
              value={address}
              onChange={setAddress}
              kind="ascii"
              dir="ltr"
              maxLength={45}
            />
            {/* A port is a number anyone may read, not a secret: the number pad, unmasked. */}
            <NumberField label={t('port')} value={port} onChange={setPort} min={1024} max={65535} />
          </>
        )}
        <p className={status.enabled ? 'notice notice-ok' : 'notice'} role="status">
          {status.enabled ? t('on', { url: `https://${status.address}:${status.port}/` }) : t('off')}
        </p>
        <button type="submit" className={status.enabled ? 'button button-secondary' : 'button button-primary'}>
          {status.enabled ? t('turnOff') : t('turnOn')}
        </button>
      </form>

      {status.enabled ? (
        <>
          <h2>{t('addTitle')}</h2>
          <form
            className="stations-add"
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <TextField label={t('name')} value={name} onChange={setName} maxLength={40} />
            <fieldset className="field">
              <legend>{t('role')}</legend>
              <div className="stations-roles">
                {STATION_ROLES.map((r) => (
                  <button key={r} type="button" className="toggle" aria-pressed={role === r} onClick={() => setRole(r)}>
                    {t(`roles.${r}`)}
                  </button>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button button-primary" disabled={name.trim() === ''}>
              {t('add')}
            </button>
          </form>
          {invite ? (
            <div className="stations-invite" role="region" aria-label={t('inviteFor', { name: invite.name })}>
              <QrCode text={invite.link} label={t('qrLabel', { name: invite.name })} modulePx={6} />
              <div>
                <p>{t('inviteFor', { name: invite.name })}</p>
                <p>
                  {t('openOnDevice')} <strong dir="ltr">{invite.url}</strong>
                </p>
                <p>
                  {t('code')}{' '}
                  <strong className="stations-code" dir="ltr">
                    {invite.code}
                  </strong>
                </p>
                <p>
                  {t('fingerprint')} <code dir="ltr">{invite.fingerprint}</code>
                </p>
                <p>
                  {t('appStart')} <code className="stations-app-start" dir="ltr">{`--station ${invite.link}`}</code>
                </p>
                <p>{t('expires', { time: when(invite.expiresAt, i18n.language) })}</p>
              </div>
            </div>
          ) : null}
        </>
      ) : null}

      <h2>{t('listTitle')}</h2>
      {status.stations.length === 0 ? <p>{t('none')}</p> : null}
      <table className="stations-list">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('lastSeen')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {status.stations.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{t(`roles.${s.role}`)}</td>
              <td>{s.revokedAt ? t('revokedAt', { time: when(s.revokedAt, i18n.language) }) : when(s.lastSeen, i18n.language)}</td>
              <td>
                {s.revokedAt ? null : (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void revoke(s.id)}
                    aria-label={t('revokeName', { name: s.name })}
                  >
                    {t('revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
