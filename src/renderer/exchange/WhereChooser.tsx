import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drive, Folder } from '../../shared/api/channels/exchange';
import { useApi } from '../api/context';
import { TextField } from '../kiosk/TextField';
import { formatBytes } from './format';

/**
 * Where to write or read: the USB sticks the computer sees (by name and free space), then a tap
 * on a folder inside to go down into it; a path typed on the on-screen keyboard is the fallback
 * (browser mode, a network share, a stick the system did not report).
 */
/** `onFolder` must be stable (a state setter): the first drive is picked once, on mount. */
export function WhereChooser({ folder, onFolder }: { folder: string; onFolder(folder: string): void }) {
  const { t, i18n } = useTranslation('exchange');
  const api = useApi();
  const [drives, setDrives] = useState<Drive[] | null>(null);
  const [inside, setInside] = useState<Folder[]>([]);
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

  // The folders inside the chosen one, once it is on a listed drive (a typed path is the
  // coordinator's own; listing each half-typed path would only flicker).
  const drive = drives?.find((d) => folder === d.path || folder.startsWith(`${d.path}/`) || folder.startsWith(`${d.path}\\`));
  useEffect(() => {
    let live = true;
    if (!drive) {
      setInside([]);
      return;
    }
    void api.call('exchange.folders', { folder }).then((r) => {
      if (live) setInside(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [api, folder, drive]);
  const parent = drive && folder !== drive.path ? folder.replace(/[/\\][^/\\]+[/\\]?$/, '') : null;

  return (
    <fieldset className="where">
      <legend>{t('where.legend')}</legend>
      {drives && drives.length === 0 ? <p className="hint">{t('where.noDrives')}</p> : null}
      {drives?.map((d) => (
        <label key={d.path} className="drive">
          <input type="radio" name={`${id}-drive`} checked={drive?.path === d.path} onChange={() => onFolder(d.path)} />
          <span className="drive-name">{d.name}</span>
          <span className="drive-free">{t('where.free', { free: formatBytes(d.freeBytes, i18n.language) })}</span>
        </label>
      ))}
      <button type="button" className="button button-quiet" onClick={() => void load(false)}>
        {t('where.refresh')}
      </button>
      {drive ? (
        <div className="where-inside">
          <p className="hint">
            {t('where.current')} <bdi dir="ltr">{folder.slice(drive.path.length) || '/'}</bdi>
          </p>
          {parent !== null || inside.length > 0 ? (
            <ul className="folder-list" aria-label={t('where.inside')}>
              {parent !== null ? (
                <li>
                  <button type="button" className="button button-secondary folder-button" onClick={() => onFolder(parent)}>
                    {t('where.up')}
                  </button>
                </li>
              ) : null}
              {inside.map((f) => (
                <li key={f.path}>
                  <button type="button" className="button button-secondary folder-button" onClick={() => onFolder(f.path)}>
                    <span aria-hidden="true">📁 </span>
                    <bdi>{f.name}</bdi>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <TextField
        id={`${id}-folder`}
        kind="ascii"
        label={t('where.folder')}
        placeholder={t('where.folderHint')}
        value={folder}
        maxLength={1024}
        onChange={onFolder}
      />
    </fieldset>
  );
}
