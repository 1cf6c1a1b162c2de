import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/query';
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
  const drivesRead = useApiQuery('exchange.drives', {});
  // Sticks that could not be listed show as none, as they always have.
  const drives = drivesRead.isError ? [] : (drivesRead.data ?? null);
  const id = useId();

  // On first show, pick the first stick the computer sees now (not the list another tab read);
  // later refreshes leave the coordinator's choice alone.
  const picked = useRef(false);
  const readNow = drivesRead.isFetchedAfterMount && !drivesRead.isFetching;
  const firstNow = readNow && !drivesRead.isError ? drivesRead.data?.[0]?.path : undefined;
  useEffect(() => {
    if (picked.current || !readNow) return;
    picked.current = true;
    if (firstNow !== undefined) onFolder(firstNow);
  }, [readNow, firstNow, onFolder]);

  // The folders inside the chosen one, once it is on a listed drive (a typed path is the
  // coordinator's own; listing each half-typed path would only flicker). The last list stays
  // while the next folder's loads.
  const drive = drives?.find((d) => folder === d.path || folder.startsWith(`${d.path}/`) || folder.startsWith(`${d.path}\\`));
  const folders = useApiQuery('exchange.folders', { folder }, { enabled: drive !== undefined, keepPrevious: true });
  const inside = drive && !folders.isError ? (folders.data ?? []) : [];
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
      <button type="button" className="button button-quiet" onClick={() => void drivesRead.refetch()}>
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
