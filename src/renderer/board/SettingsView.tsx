import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { SettingsSaveRow, useSettingsForm } from '../components/settings-form';
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
  const editing = useSettingsForm('board.set_settings', {
    stored: stored.data,
    invalidates: ['board.settings', 'board.list', 'board.gaps'],
    toDraft: (s) => s,
    toInput: (d) => d,
  });
  const values = editing.form;
  if (!values) return <ErrorNotice error={stored.error} />;
  return (
    <form
      className="add-entry"
      aria-label={t('settings.title')}
      onSubmit={asyncHandler(async (e) => {
        e.preventDefault();
        await editing.save();
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
            onChange={(v) => editing.update((d) => ({ ...d, [key]: Math.trunc(Number(v)) }))}
          />
        </div>
      ))}
      <SettingsSaveRow form={editing} savedText={t('settings.saved')} button={{ label: t('save'), type: 'submit' }} />
    </form>
  );
}
