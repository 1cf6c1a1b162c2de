import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings } from '../../shared/api/channels/board';
import type { ApiError } from '../../shared/api/errors';
import { useApi } from '../api/context';
import { ErrorNotice } from '../components/ErrorNotice';
import { NumberField } from '../kiosk/NumberField';
import { asyncHandler } from '../async-handler';

const FIELDS = [
  { key: 'expiryDays', max: 365 },
  { key: 'gapDays', max: 90 },
  { key: 'gapMinAsks', max: 1000 },
] as const;

/** The coordinator sets how long entries live and what counts as a pantry gap. */
export function SettingsView({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation('board');
  const api = useApi();
  const [values, setValues] = useState<BoardSettings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.call('board.settings', {}).then((r) => (r.ok ? setValues(r.value) : setError(r.error)));
  }, [api]);
  if (!values) return <ErrorNotice error={error} />;
  return (
    <form
      className="add-entry"
      aria-label={t('settings.title')}
      onSubmit={asyncHandler(async (e) => {
        e.preventDefault();
        setSaved(false);
        setError(null);
        const result = await api.call('board.set_settings', values);
        if (result.ok) {
          setValues(result.value);
          setSaved(true);
          onSaved();
        } else setError(result.error);
      })}
    >
      <h2>{t('settings.title')}</h2>
      {FIELDS.map(({ key, max }) => (
        <div key={key} className="setting">
          <NumberField
            id={`board-${key}`}
            label={t(`settings.${key}`)}
            min={1}
            max={max}
            required
            value={String(values[key])}
            onChange={(v) => {
              setSaved(false);
              setValues({ ...values, [key]: Math.trunc(Number(v)) });
            }}
          />
        </div>
      ))}
      <ErrorNotice error={error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
      <button type="submit" className="button button-primary">
        {t('save')}
      </button>
    </form>
  );
}
