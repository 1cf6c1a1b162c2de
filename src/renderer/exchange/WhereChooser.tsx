import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drive } from '../../shared/api/channels/exchange';
import { useApi } from '../api/context';
import { formatBytes } from './format';

/**
 * Where to write or read: the USB sticks the computer sees (by name and free space), or a folder
 * typed by hand (browser mode, a network share, a stick the system did not report).
 */
/** `onFolder` must be stable (a state setter): the first drive is picked once, on mount. */
export function WhereChooser({ folder, onFolder }: { folder: string; onFolder(folder: string): void }) {
  const { t, i18n } = useTranslation('exchange');
  const api = useApi();
  const [drives, setDrives] = useState<Drive[] | null>(null);
  const id = useId();

  const load = useCallback(
    async (pickFirst: boolean) => {
      const r = await api.call('exchange.drives', {});
      const list = r.ok ? r.value : [];
      setDrives(list);
      if (pickFirst && list[0]) onFolder(list[0].path);
    },
    [api, onFolder],
  );

  // On first show, pick the first stick; later refreshes leave the coordinator's choice alone.
  useEffect(() => {
    void load(true);
  }, [load]);

  return (
    <fieldset className="where">
      <legend>{t('where.legend')}</legend>
      {drives && drives.length === 0 ? <p className="hint">{t('where.noDrives')}</p> : null}
      {drives?.map((d) => (
        <label key={d.path} className="drive">
          <input type="radio" name={`${id}-drive`} checked={folder === d.path} onChange={() => onFolder(d.path)} />
          <span className="drive-name">{d.name}</span>
          <span className="drive-free">{t('where.free', { free: formatBytes(d.freeBytes, i18n.language) })}</span>
        </label>
      ))}
      <button type="button" className="button button-quiet" onClick={() => void load(false)}>
        {t('where.refresh')}
      </button>
      <label htmlFor={`${id}-folder`} className="where-folder-label">
        {t('where.folder')}
      </label>
      <input
        id={`${id}-folder`}
        className="where-folder"
        dir="ltr"
        value={folder}
        placeholder={t('where.folderHint')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onFolder(e.target.value)}
      />
    </fieldset>
  );
}
