import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings } from '../../shared/api/channels/board';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { NumberField } from '../kiosk/NumberField';
import { asyncHandler } from '../async-handler';

const FIELDS = [
  { key: 'expiryDays', max: 365 },
  { key: 'gapDays', max: 90 },
  { key: 'gapMinAsks', max: 1000 },
] as const;

/** The coordinator sets how long entries live and what counts as a pantry gap. */
export function SettingsView() {
  const { t } = useTranslation('board');
  const stored = useApiQuery('board.settings', {});
  // How long entries live and what a gap is: the board and its gaps are read again once saved.
  const saving = useApiMutation('board.set_settings', { invalidates: ['board.settings', 'board.list', 'board.gaps'] });
  const [draft, setDraft] = useState<BoardSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const values = draft ?? stored.data;
  if (!values) return <ErrorNotice error={stored.error} />;
  return (
    <form
      className="add-entry"
      aria-label={t('settings.title')}
      onSubmit={asyncHandler(async (e) => {
        e.preventDefault();
        setSaved(false);
        const result = await saving.call(values);
        if (result.ok) {
          setDraft(null);
          setSaved(true);
        }
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
              setDraft({ ...values, [key]: Math.trunc(Number(v)) });
            }}
          />
        </div>
      ))}
      <ErrorNotice error={saving.error} />
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
