import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { Volunteer, VolunteerRole } from '../../shared/domain/volunteer';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../kiosk/TextField';
import type { SectionProps } from './section-props';
import '../styles/shell.css';

const ROLES: readonly VolunteerRole[] = ['intake', 'stock', 'coordinator'];
const digitsOnly = (s: string) => s.replace(/\D/g, '').slice(0, 8);

/** A new PIN typed twice, so a slip of the finger does not lock a volunteer out. */
function PinFields({ pin, again, onPin, onAgain }: { pin: string; again: string; onPin(v: string): void; onAgain(v: string): void }) {
  const { t } = useTranslation('volunteers');
  const id = useId();
  return (
    <div className="row">
      <TextField id={`${id}-pin`} kind="pin" label={t('pin')} maxLength={8} value={pin} onChange={(v) => onPin(digitsOnly(v))} />
      <TextField id={`${id}-again`} kind="pin" label={t('pinAgain')} maxLength={8} value={again} onChange={(v) => onAgain(digitsOnly(v))} />
    </div>
  );
}

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: ApiError } | { kind: 'mismatch' } | null;

/** The coordinator's team list: who may open volunteer mode, with which role and PIN. */
export function VolunteersSection({ session }: SectionProps) {
  const { t } = useTranslation('volunteers');
  const list = useApiQuery('volunteers.list', {});
  const volunteers = list.data?.volunteers ?? [];
  // Each change reads the team list again before it says it is done.
  const again = { invalidates: ['volunteers.list'] } as const;
  const addVolunteer = useApiMutation('volunteers.add', again);
  const setVolunteerPin = useApiMutation('volunteers.set_pin', again);
  const updateVolunteer = useApiMutation('volunteers.update', again);
  const removeVolunteer = useApiMutation('volunteers.remove', again);
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<{ id: string; mode: 'pin' | 'remove' } | null>(null);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<VolunteerRole>('intake');
  const [newPin, setNewPin] = useState('');
  const [newPinAgain, setNewPinAgain] = useState('');

  const roleName = (r: VolunteerRole) => t(`roles.${r}`);
  const done = (text: string) => {
    setNotice({ kind: 'ok', text });
    setEditing(null);
    setPin('');
    setPinAgain('');
  };

  const add = async () => {
    if (newPin !== newPinAgain) return setNotice({ kind: 'mismatch' });
    const r = await addVolunteer.call({ name, role, pin: newPin });
    if (!r.ok) return setNotice({ kind: 'error', error: r.error });
    setName('');
    setNewPin('');
    setNewPinAgain('');
    done(t('added', { name: r.value.name }));
  };

  const changePin = async (v: Volunteer) => {
    if (pin !== pinAgain) return setNotice({ kind: 'mismatch' });
    const r = await setVolunteerPin.call({ id: v.id, pin });
    if (!r.ok) return setNotice({ kind: 'error', error: r.error });
    done(t('pinChanged', { name: v.name }));
  };

  const changeRole = async (v: Volunteer, next: VolunteerRole) => {
    const r = await updateVolunteer.call({ id: v.id, role: next });
    if (!r.ok) return setNotice({ kind: 'error', error: r.error });
    done(t('roleChanged', { name: v.name, role: roleName(next) }));
  };

  const remove = async (v: Volunteer) => {
    const r = await removeVolunteer.call({ id: v.id });
    if (!r.ok) return setNotice({ kind: 'error', error: r.error });
    done(t('removed', { name: v.name }));
  };

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div aria-live="polite">
        {notice?.kind === 'ok' ? (
          <p className="notice notice-ok" role="status">
            {notice.text}
          </p>
        ) : null}
        {notice?.kind === 'mismatch' ? (
          <p className="notice notice-error" role="alert">
            {t('pinMismatch')}
          </p>
        ) : null}
        <ErrorNotice error={notice?.kind === 'error' ? notice.error : list.error} />
      </div>
      <ul className="volunteer-list" aria-label={t('listLabel')}>
        {volunteers.map((v) => (
          <li key={v.id} className="volunteer-row" aria-label={v.name}>
            <div className="volunteer-row-head">
              <span className="volunteer-row-name">
                {v.name}
                {v.id === session.volunteerId ? ` ${t('you')}` : ''}
              </span>
              <label>
                <span className="visually-hidden">{t('roleOf', { name: v.name })}</span>
                <select value={v.role} onChange={(e) => void changeRole(v, e.target.value as VolunteerRole)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {roleName(r)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button button-secondary" onClick={() => setEditing({ id: v.id, mode: 'pin' })}>
                {t('changePin')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setEditing({ id: v.id, mode: 'remove' })}>
                {t('remove')}
              </button>
            </div>
            {editing?.id === v.id && editing.mode === 'pin' ? (
              <form
                className="volunteers-form"
                aria-label={t('changePinFor', { name: v.name })}
                onSubmit={(e) => {
                  e.preventDefault();
                  void changePin(v);
                }}
              >
                <h2>{t('changePinFor', { name: v.name })}</h2>
                <PinFields pin={pin} again={pinAgain} onPin={setPin} onAgain={setPinAgain} />
                <div className="row">
                  <button type="submit" className="button button-primary" disabled={pin.length < 4}>
                    {t('savePin')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </div>
              </form>
            ) : null}
            {editing?.id === v.id && editing.mode === 'remove' ? (
              <div className="row" role="group" aria-label={t('removeConfirm', { name: v.name })}>
                <p>{t('removeConfirm', { name: v.name })}</p>
                <button type="button" className="button button-danger" onClick={() => void remove(v)}>
                  {t('removeYes')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="volunteers-form"
        aria-labelledby="add-volunteer"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h2 id="add-volunteer">{t('addTitle')}</h2>
        <TextField label={t('name')} value={name} maxLength={60} onChange={setName} />
        <fieldset className="field">
          <legend>{t('role')}</legend>
          <div className="toggle-grid">
            {ROLES.map((r) => (
              <button key={r} type="button" className="toggle" aria-pressed={role === r} onClick={() => setRole(r)}>
                {roleName(r)}
              </button>
            ))}
          </div>
        </fieldset>
        <PinFields pin={newPin} again={newPinAgain} onPin={setNewPin} onAgain={setNewPinAgain} />
        <div className="row">
          <button type="submit" className="button button-primary" disabled={name.trim() === '' || newPin.length < 4}>
            {t('add')}
          </button>
        </div>
      </form>
    </>
  );
}
