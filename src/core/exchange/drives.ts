import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Drive } from '../../shared/api/channels/exchange';

const run = promisify(execFile);

/**
 * Where bundles can go: the removable drives the system sees, and how much room a folder has.
 * Injected into core so tests use temp folders and a pretend "nearly full" stick.
 */
export interface DriveSource {
  list(): Promise<Drive[]>;
  space(folder: string): { freeBytes: number; totalBytes: number };
  /** Unmounts (and powers off where it can) a listed removable drive; false when the system would not. */
  eject?(path: string): Promise<boolean>;
}

export function folderSpace(folder: string): { freeBytes: number; totalBytes: number } {
  const s = statfsSync(folder);
  return { freeBytes: Number(s.bavail) * Number(s.bsize), totalBytes: Number(s.blocks) * Number(s.bsize) };
}

function describe(path: string, name: string, removable: boolean): Drive | null {
  try {
    if (!statSync(path).isDirectory()) return null;
    return { name, path, removable, ...folderSpace(path) };
  } catch {
    return null;
  }
}

interface LsblkDevice {
  name?: string;
  label?: string | null;
  mountpoint?: string | null;
  mountpoints?: (string | null)[];
  rm?: boolean | string;
  hotplug?: boolean | string;
  tran?: string | null;
  model?: string | null;
  children?: LsblkDevice[];
}

const truthy = (v: unknown) => v === true || v === '1' || v === 1;

/** Linux: lsblk's removable/hotplug mounted filesystems; else whatever is mounted under /media and /run/media. */
async function linuxDrives(): Promise<Drive[]> {
  const out: Drive[] = [];
  try {
    const { stdout } = await run('lsblk', ['--json', '-o', 'NAME,LABEL,MOUNTPOINTS,RM,HOTPLUG,TRAN,MODEL'], { timeout: 5000 });
    const walk = (d: LsblkDevice, removable: boolean) => {
      const rem = removable || truthy(d.rm) || truthy(d.hotplug) || d.tran === 'usb';
      const mounts = [...(d.mountpoints ?? []), d.mountpoint ?? null].filter((m): m is string => typeof m === 'string' && m !== '');
      for (const m of mounts) {
        if (!rem || m === '/' || m.startsWith('/boot') || m === '[SWAP]') continue;
        const drive = describe(m, d.label || d.model || d.name || m, true);
        if (drive) out.push(drive);
      }
      for (const c of d.children ?? []) walk(c, rem);
    };
    for (const d of (JSON.parse(stdout) as { blockdevices?: LsblkDevice[] }).blockdevices ?? []) walk(d, false);
  } catch {
    // No lsblk (containers, minimal systems): fall back to the usual automount folders.
  }
  if (out.length === 0) {
    for (const root of ['/media', '/run/media']) {
      if (!existsSync(root)) continue;
      for (const user of readdirSync(root)) {
        const base = join(root, user);
        const entries = (() => {
          try {
            return readdirSync(base);
          } catch {
            return [];
          }
        })();
        for (const e of entries) {
          const drive = describe(join(base, e), e, true);
          if (drive) out.push(drive);
        }
      }
    }
  }
  return dedupe(out);
}

async function windowsDrives(): Promise<Drive[]> {
  const out: Drive[] = [];
  try {
    const { stdout } = await run(
      'powershell.exe',
      ['-NoProfile', '-Command', 'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,VolumeName,DriveType | ConvertTo-Json'],
      { timeout: 8000 },
    );
    const parsed = JSON.parse(stdout) as { DeviceID: string; VolumeName: string | null; DriveType: number } | { DeviceID: string; VolumeName: string | null; DriveType: number }[];
    for (const d of Array.isArray(parsed) ? parsed : [parsed]) {
      const drive = describe(`${d.DeviceID}\\`, d.VolumeName ? `${d.VolumeName} (${d.DeviceID})` : d.DeviceID, d.DriveType === 2);
      if (drive) out.push(drive);
    }
  } catch {
    // PowerShell missing or blocked: try every letter D..Z.
    for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ') {
      const drive = describe(`${letter}:\\`, `${letter}:`, true);
      if (drive) out.push(drive);
    }
  }
  return out;
}

function macDrives(): Drive[] {
  if (!existsSync('/Volumes')) return [];
  return readdirSync('/Volumes')
    .filter((n) => n !== 'Macintosh HD')
    .map((n) => describe(join('/Volumes', n), n, true))
    .filter((d): d is Drive => d !== null);
}

function dedupe(drives: Drive[]): Drive[] {
  const seen = new Set<string>();
  return drives.filter((d) => (seen.has(d.path) ? false : (seen.add(d.path), true)));
}

async function ejectDrive(path: string): Promise<boolean> {
  try {
    if (process.platform === 'darwin') {
      await run('diskutil', ['eject', path], { timeout: 20_000 });
    } else if (process.platform === 'win32') {
      const letter = path.slice(0, 2);
      if (!/^[A-Z]:$/i.test(letter)) return false;
      await run('powershell.exe', ['-NoProfile', '-Command', `(New-Object -ComObject Shell.Application).Namespace(17).ParseName('${letter}').InvokeVerb('Eject')`], { timeout: 20_000 });
    } else {
      const { stdout } = await run('findmnt', ['-n', '-o', 'SOURCE', '--target', path], { timeout: 5000 });
      const device = stdout.trim();
      if (!device.startsWith('/dev/')) return false;
      await run('udisksctl', ['unmount', '-b', device, '--no-user-interaction'], { timeout: 20_000 });
      // Powering off is a courtesy (the light goes out); unmounted is already safe.
      await run('udisksctl', ['power-off', '-b', device, '--no-user-interaction'], { timeout: 20_000 }).catch(() => undefined);
    }
    return true;
  } catch {
    return false;
  }
}

export const systemDrives: DriveSource = {
  async list() {
    if (process.platform === 'win32') return windowsDrives();
    if (process.platform === 'darwin') return macDrives();
    return linuxDrives();
  },
  space: folderSpace,
  eject: ejectDrive,
};
