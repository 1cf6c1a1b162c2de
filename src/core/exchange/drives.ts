import { execFile } from 'node:child_process';
import { readdirSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Drive } from '../../shared/api/channels/exchange';

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

export interface Space {
  freeBytes: number;
  totalBytes: number;
}

/**
 * Everything the system drive source asks of the operating system, so it can be tested with a
 * pretend lsblk, PowerShell or /Volumes on any machine.
 */
export interface SystemAccess {
  readonly platform: NodeJS.Platform;
  /** Runs a program directly (execFile, never a shell) and resolves with its stdout; rejects on a non-zero exit or timeout. */
  run(file: string, args: readonly string[], timeoutMs: number): Promise<string>;
  /** The space of a readable directory; null for anything else (missing, a file, unreadable). */
  probe(path: string): Space | null;
  /** A directory's entry names; empty when it cannot be read. */
  entries(path: string): string[];
  /** The id of the filesystem a path is on (stat's dev), or null when it cannot be read. */
  device(path: string): number | null;
}

export function folderSpace(folder: string): Space {
  const s = statfsSync(folder);
  return { freeBytes: Number(s.bavail) * Number(s.bsize), totalBytes: Number(s.blocks) * Number(s.bsize) };
}

const execFileAsync = promisify(execFile);

export const realSystem: SystemAccess = {
  get platform() {
    return process.platform;
  },
  async run(file, args, timeoutMs) {
    const { stdout } = await execFileAsync(file, [...args], { timeout: timeoutMs });
    return stdout;
  },
  probe(path) {
    try {
      return statSync(path).isDirectory() ? folderSpace(path) : null;
    } catch {
      return null;
    }
  },
  entries(path) {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  },
  device(path) {
    try {
      return statSync(path).dev;
    } catch {
      return null;
    }
  },
};

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

interface CimDisk {
  DeviceID: string;
  VolumeName: string | null;
  DriveType: number;
}

const truthy = (v: unknown) => v === true || v === '1' || v === 1;

function dedupe(drives: Drive[]): Drive[] {
  const seen = new Set<string>();
  return drives.filter((d) => (seen.has(d.path) ? false : (seen.add(d.path), true)));
}

/**
 * The Shell's "Eject" verb returns at once and never says whether Windows refused (a file still
 * open on the stick). So the script waits up to 10 s for the drive letter to go away and exits 1
 * if it stays: only a drive that really went is reported as ejected. `letter` is checked as
 * /^[A-Z]:$/i by the caller, so it cannot break out of the quotes.
 */
export function windowsEjectScript(letter: string): string {
  return (
    `$d = '${letter}'; (New-Object -ComObject Shell.Application).Namespace(17).ParseName($d).InvokeVerb('Eject'); ` +
    `for ($i = 0; $i -lt 40; $i++) { if (-not (Test-Path -LiteralPath "$d\\")) { exit 0 }; Start-Sleep -Milliseconds 250 }; exit 1`
  );
}

export function makeSystemDrives(os: SystemAccess = realSystem): DriveSource {
  const describe = (path: string, name: string, removable: boolean): Drive | null => {
    const space = os.probe(path);
    return space ? { name, path, removable, ...space } : null;
  };

  /** Linux: lsblk's removable/hotplug mounted filesystems; else whatever is mounted under /media and /run/media. */
  async function linuxDrives(): Promise<Drive[]> {
    const out: Drive[] = [];
    try {
      const lsblk = (mounts: string) => os.run('lsblk', ['--json', '-o', `NAME,LABEL,${mounts},RM,HOTPLUG,TRAN,MODEL`], 5000);
      // MOUNTPOINTS (every mount of a device) is lsblk 2.37+; older ones refuse the column, so ask for MOUNTPOINT.
      const stdout = await lsblk('MOUNTPOINTS').catch(() => lsblk('MOUNTPOINT'));
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
        for (const user of os.entries(root)) {
          const base = join(root, user);
          const baseDevice = os.device(base);
          for (const e of os.entries(base)) {
            // Only a folder with a filesystem of its own: a stale folder left after a crash sits on
            // the system disk, and a bundle "saved to the stick" there would never leave the room.
            const device = os.device(join(base, e));
            if (device === null || device === baseDevice) continue;
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
      const stdout = await os.run(
        'powershell.exe',
        ['-NoProfile', '-Command', 'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,VolumeName,DriveType | ConvertTo-Json'],
        8000,
      );
      const parsed = JSON.parse(stdout) as CimDisk | CimDisk[];
      for (const d of Array.isArray(parsed) ? parsed : [parsed]) {
        const drive = describe(`${d.DeviceID}\\`, d.VolumeName ? `${d.VolumeName} (${d.DeviceID})` : d.DeviceID, d.DriveType === 2);
        if (drive) out.push(drive);
      }
    } catch {
      // PowerShell missing or blocked: try every letter D..Z. What kind of drive each is we cannot
      // tell, so none is offered for ejecting (it could be an internal disk or a network share).
      for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ') {
        const drive = describe(`${letter}:\\`, `${letter}:`, false);
        if (drive) out.push(drive);
      }
    }
    return out;
  }

  function macDrives(): Drive[] {
    // The startup disk appears in /Volumes too (a link to /), under whatever name it was given.
    const startup = os.device('/');
    return os
      .entries('/Volumes')
      .filter((n) => n !== 'Macintosh HD' && (startup === null || os.device(join('/Volumes', n)) !== startup))
      .map((n) => describe(join('/Volumes', n), n, true))
      .filter((d): d is Drive => d !== null);
  }

  async function eject(path: string): Promise<boolean> {
    try {
      if (os.platform === 'darwin') {
        await os.run('diskutil', ['eject', path], 20_000);
      } else if (os.platform === 'win32') {
        const letter = path.slice(0, 2);
        if (!/^[A-Z]:$/i.test(letter)) return false;
        await os.run('powershell.exe', ['-NoProfile', '-Command', windowsEjectScript(letter)], 20_000);
      } else {
        // --mountpoint, not --target: a folder that is not itself mounted (a stale /media/<user>/X the
        // fallback listed) fails here, instead of naming the disk it sits on, which may be the system disk.
        const device = (await os.run('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', path], 5000)).trim();
        if (!device.startsWith('/dev/')) return false;
        await os.run('udisksctl', ['unmount', '-b', device, '--no-user-interaction'], 20_000);
        // Powering off is a courtesy (the light goes out); unmounted is already safe.
        await os.run('udisksctl', ['power-off', '-b', device, '--no-user-interaction'], 20_000).catch(() => undefined);
      }
      return true;
    } catch {
      return false;
    }
  }

  return {
    async list() {
      if (os.platform === 'win32') return windowsDrives();
      if (os.platform === 'darwin') return macDrives();
      return linuxDrives();
    },
    space: folderSpace,
    eject,
  };
}

export const systemDrives: DriveSource = makeSystemDrives();
