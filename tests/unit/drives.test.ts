import { describe, expect, it } from 'vitest';
import { makeSystemDrives, windowsEjectScript, type Space, type SystemAccess } from '../../src/core/exchange/drives';

type Reply = string | Error | ((args: readonly string[]) => string | Error);

/** A pretend operating system: canned program output, folders with space, and a log of what was run. */
function fakeOs(opts: {
  platform: NodeJS.Platform;
  programs?: Record<string, Reply>;
  folders?: Record<string, Space>;
  dirs?: Record<string, string[]>;
  /** Filesystem ids (stat's dev); a path missing here cannot be read. */
  devices?: Record<string, number>;
}) {
  const calls: string[][] = [];
  const os: SystemAccess = {
    platform: opts.platform,
    run(file, args) {
      calls.push([file, ...args]);
      const reply = opts.programs?.[file];
      if (reply === undefined) return Promise.reject(new Error(`spawn ${file} ENOENT`));
      const r = typeof reply === 'function' ? reply(args) : reply;
      return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
    },
    probe: (path) => opts.folders?.[path] ?? null,
    entries: (path) => opts.dirs?.[path] ?? [],
    device: (path) => opts.devices?.[path] ?? null,
  };
  return { os, calls, drives: makeSystemDrives(os) };
}

const space = (freeBytes: number, totalBytes = 16e9): Space => ({ freeBytes, totalBytes });
const fail = (message: string) => Object.assign(new Error(message), { code: 1 });

// A laptop as lsblk ≥ 2.37 describes it: booleans and a `mountpoints` array.
const laptopNew = {
  blockdevices: [
    {
      name: 'loop0',
      label: null,
      mountpoints: ['/snap/core22/1380'],
      rm: false,
      hotplug: false,
      tran: null,
      model: null,
    },
    {
      name: 'sda',
      label: null,
      mountpoints: [null],
      rm: true,
      hotplug: true,
      tran: 'usb',
      model: 'Cruzer Blade',
      children: [{ name: 'sda1', label: 'STICK', mountpoints: ['/media/ana/STICK'], rm: true, hotplug: true, tran: null, model: null }],
    },
    {
      name: 'mmcblk0',
      label: null,
      mountpoints: [null],
      rm: false,
      hotplug: true,
      tran: null,
      model: null,
      children: [
        { name: 'mmcblk0p1', label: null, mountpoints: ['/media/ana/3A1F-09C2'], rm: false, hotplug: true, tran: null, model: null },
      ],
    },
    {
      name: 'nvme0n1',
      label: null,
      mountpoints: [null],
      rm: false,
      hotplug: false,
      tran: 'nvme',
      model: 'Samsung SSD 980',
      children: [
        { name: 'nvme0n1p1', label: null, mountpoints: ['/boot/efi'], rm: false, hotplug: false, tran: 'nvme', model: null },
        {
          name: 'nvme0n1p2',
          label: null,
          mountpoints: ['/var/snap/firefox/common/host-hunspell', '/'],
          rm: false,
          hotplug: false,
          tran: 'nvme',
          model: null,
        },
        { name: 'nvme0n1p3', label: null, mountpoints: ['[SWAP]'], rm: false, hotplug: false, tran: 'nvme', model: null },
      ],
    },
  ],
};

// The same laptop as older lsblk prints it: "0"/"1" strings and a single `mountpoint`.
const laptopOld = {
  blockdevices: [
    { name: 'loop0', label: null, mountpoint: '/snap/core22/1380', rm: '0', hotplug: '0', tran: null, model: null },
    {
      name: 'sda',
      label: null,
      mountpoint: null,
      rm: '1',
      hotplug: '1',
      tran: 'usb',
      model: 'Cruzer Blade',
      children: [{ name: 'sda1', label: 'STICK', mountpoint: '/media/ana/STICK', rm: '1', hotplug: '1', tran: null, model: null }],
    },
    {
      name: 'mmcblk0',
      label: null,
      mountpoint: null,
      rm: '0',
      hotplug: '1',
      tran: null,
      model: null,
      children: [{ name: 'mmcblk0p1', label: null, mountpoint: '/media/ana/3A1F-09C2', rm: '0', hotplug: '1', tran: null, model: null }],
    },
    {
      name: 'nvme0n1',
      label: null,
      mountpoint: null,
      rm: '0',
      hotplug: '0',
      tran: 'nvme',
      model: 'Samsung SSD 980',
      children: [
        { name: 'nvme0n1p1', label: null, mountpoint: '/boot/efi', rm: '0', hotplug: '0', tran: 'nvme', model: null },
        { name: 'nvme0n1p2', label: null, mountpoint: '/', rm: '0', hotplug: '0', tran: 'nvme', model: null },
        { name: 'nvme0n1p3', label: null, mountpoint: '[SWAP]', rm: '0', hotplug: '0', tran: 'nvme', model: null },
      ],
    },
  ],
};

// Every mounted folder is a readable directory, so only the lsblk rules decide what is listed.
const laptopFolders: Record<string, Space> = {
  '/': space(100e9, 500e9),
  '/boot/efi': space(1e8, 5e8),
  '/snap/core22/1380': space(0, 7e7),
  '/var/snap/firefox/common/host-hunspell': space(100e9, 500e9),
  '/media/ana/STICK': space(3e9),
  '/media/ana/3A1F-09C2': space(5e8, 2e9),
};

describe('listing drives on Linux (lsblk)', () => {
  const columns = (mounts: string) => ['lsblk', '--json', '-o', `NAME,LABEL,${mounts},RM,HOTPLUG,TRAN,MODEL`];
  /** Older lsblk (before 2.37) refuses the MOUNTPOINTS column outright. */
  const olderLsblk = (args: readonly string[]) =>
    args.join(' ').includes('MOUNTPOINTS') ? fail('lsblk: unknown column: MOUNTPOINTS') : JSON.stringify(laptopOld);

  it.each([
    ['lsblk ≥ 2.37 (mountpoints array, booleans)', JSON.stringify(laptopNew), [columns('MOUNTPOINTS')]],
    ['older lsblk (single mountpoint, "0"/"1" strings)', olderLsblk, [columns('MOUNTPOINTS'), columns('MOUNTPOINT')]],
  ])('%s: only the removable mounted ones, with their free space', async (_shape, lsblk, ran) => {
    const { drives, calls } = fakeOs({ platform: 'linux', programs: { lsblk }, folders: laptopFolders });
    expect(await drives.list()).toEqual([
      { name: 'STICK', path: '/media/ana/STICK', removable: true, freeBytes: 3e9, totalBytes: 16e9 },
      { name: 'mmcblk0p1', path: '/media/ana/3A1F-09C2', removable: true, freeBytes: 5e8, totalBytes: 2e9 },
    ]);
    expect(calls).toEqual(ran);
  });

  it.each([
    ['the label first', { name: 'sdb1', label: 'PANTRY', model: 'Ultra' }, 'PANTRY'],
    ['then the model', { name: 'sdb1', label: null, model: 'Ultra' }, 'Ultra'],
    ['then the kernel name', { name: 'sdb1', label: '', model: null }, 'sdb1'],
    ['then the folder', { label: null, model: null }, '/media/ana/X'],
  ])('names a drive by %s', async (_rule, device, name) => {
    const json = { blockdevices: [{ ...device, mountpoints: ['/media/ana/X'], rm: true }] };
    const { drives } = fakeOs({ platform: 'linux', programs: { lsblk: JSON.stringify(json) }, folders: { '/media/ana/X': space(1) } });
    expect((await drives.list()).map((d) => d.name)).toEqual([name]);
  });

  it('leaves out a mount point it cannot read, and lists a drive mounted twice once', async () => {
    const json = {
      blockdevices: [
        {
          name: 'sdb',
          rm: true,
          mountpoints: [null],
          children: [{ name: 'sdb1', label: 'A', mountpoints: ['/media/ana/A', '/media/ana/A'] }],
        },
        { name: 'sdc', rm: true, mountpoints: ['/media/ana/GONE'] },
      ],
    };
    const { drives } = fakeOs({ platform: 'linux', programs: { lsblk: JSON.stringify(json) }, folders: { '/media/ana/A': space(1) } });
    expect((await drives.list()).map((d) => d.path)).toEqual(['/media/ana/A']);
  });

  const automount = {
    dirs: { '/media': ['ana'], '/media/ana': ['STICK', 'notes.txt', 'OLDSTICK'], '/run/media': ['ben'], '/run/media/ben': ['CARD'] },
    folders: { '/media/ana/STICK': space(10), '/media/ana/OLDSTICK': space(99), '/run/media/ben/CARD': space(20) },
    // OLDSTICK is a folder left behind after a crash: on the same filesystem as /media/ana.
    devices: {
      '/media/ana': 2049,
      '/media/ana/STICK': 2065,
      '/media/ana/notes.txt': 2049,
      '/media/ana/OLDSTICK': 2049,
      '/run/media/ben': 27,
      '/run/media/ben/CARD': 2081,
    },
  };
  it.each([
    ['lsblk is missing', undefined],
    ['lsblk fails', fail('lsblk: failed to access sysfs directory')],
    ['lsblk prints something that is not JSON', 'NAME MOUNTPOINT\nsda'],
    ['lsblk lists no removable drive', JSON.stringify({ blockdevices: [{ name: 'nvme0n1', rm: false, mountpoints: ['/'] }] })],
  ])('when %s, falls back to the mount points under /media/<user> and /run/media/<user>', async (_case, lsblk) => {
    const { drives } = fakeOs({ platform: 'linux', programs: lsblk === undefined ? {} : { lsblk }, ...automount });
    expect(await drives.list()).toEqual([
      { name: 'STICK', path: '/media/ana/STICK', removable: true, freeBytes: 10, totalBytes: 16e9 },
      { name: 'CARD', path: '/run/media/ben/CARD', removable: true, freeBytes: 20, totalBytes: 16e9 },
    ]);
  });
});

describe('listing drives on Windows', () => {
  const cim = [
    { DeviceID: 'C:', VolumeName: 'Windows', DriveType: 3 },
    { DeviceID: 'E:', VolumeName: 'STICK', DriveType: 2 },
    { DeviceID: 'F:', VolumeName: null, DriveType: 2 },
    { DeviceID: 'G:', VolumeName: '', DriveType: 2 },
    { DeviceID: 'H:', VolumeName: 'Empty card reader', DriveType: 2 },
  ];
  const folders = { 'C:\\': space(50e9, 250e9), 'E:\\': space(1e9), 'F:\\': space(2e9), 'G:\\': space(3e9) };

  it.each([
    ['an array of disks', JSON.stringify(cim, null, 2)],
    ['one disk as a bare object', JSON.stringify(cim[1])],
  ])('reads Get-CimInstance Win32_LogicalDisk as %s', async (shape, stdout) => {
    const { drives, calls } = fakeOs({ platform: 'win32', programs: { 'powershell.exe': stdout }, folders });
    const all = [
      { name: 'Windows (C:)', path: 'C:\\', removable: false, freeBytes: 50e9, totalBytes: 250e9 },
      { name: 'STICK (E:)', path: 'E:\\', removable: true, freeBytes: 1e9, totalBytes: 16e9 },
      { name: 'F:', path: 'F:\\', removable: true, freeBytes: 2e9, totalBytes: 16e9 },
      { name: 'G:', path: 'G:\\', removable: true, freeBytes: 3e9, totalBytes: 16e9 },
    ];
    expect(await drives.list()).toEqual(shape === 'an array of disks' ? all : [all[1]]);
    expect(calls).toEqual([
      [
        'powershell.exe',
        '-NoProfile',
        '-Command',
        'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,VolumeName,DriveType | ConvertTo-Json',
      ],
    ]);
  });

  it.each([
    ['PowerShell is missing', undefined],
    ['PowerShell is blocked', fail('execution of scripts is disabled on this system')],
  ])('when %s, probes the letters D..Z, offering none of them for ejecting', async (_case, ps) => {
    const probed: string[] = [];
    const { os } = fakeOs({ platform: 'win32', programs: ps === undefined ? {} : { 'powershell.exe': ps } });
    const drives = makeSystemDrives({ ...os, probe: (p) => (probed.push(p), p === 'E:\\' || p === 'K:\\' ? space(7) : null) });
    expect(await drives.list()).toEqual([
      { name: 'E:', path: 'E:\\', removable: false, freeBytes: 7, totalBytes: 16e9 },
      { name: 'K:', path: 'K:\\', removable: false, freeBytes: 7, totalBytes: 16e9 },
    ]);
    expect(probed).toEqual([...'DEFGHIJKLMNOPQRSTUVWXYZ'].map((l) => `${l}:\\`));
  });
});

describe('listing drives on macOS', () => {
  it('lists /Volumes except the startup disk, whatever it is called, and only readable folders', async () => {
    const { drives, calls } = fakeOs({
      platform: 'darwin',
      dirs: { '/Volumes': ['Macintosh HD', 'Amina’s Mac', 'STICK', 'Untitled', '.DS_Store'] },
      folders: {
        '/Volumes/Macintosh HD': space(1),
        '/Volumes/Amina’s Mac': space(1),
        '/Volumes/STICK': space(2),
        '/Volumes/Untitled': space(3),
      },
      // A renamed startup disk is still the filesystem / is on.
      devices: { '/': 16777232, '/Volumes/Amina’s Mac': 16777232, '/Volumes/STICK': 16777240, '/Volumes/Untitled': 16777241 },
    });
    expect(await drives.list()).toEqual([
      { name: 'STICK', path: '/Volumes/STICK', removable: true, freeBytes: 2, totalBytes: 16e9 },
      { name: 'Untitled', path: '/Volumes/Untitled', removable: true, freeBytes: 3, totalBytes: 16e9 },
    ]);
    expect(calls).toEqual([]);
  });

  it('lists nothing when there is no /Volumes', async () => {
    expect(await fakeOs({ platform: 'darwin' }).drives.list()).toEqual([]);
  });
});

describe('ejecting', () => {
  const findmnt = (path: string) => ['findmnt', '-n', '-o', 'SOURCE', '--mountpoint', path];
  const unmount = (dev: string) => ['udisksctl', 'unmount', '-b', dev, '--no-user-interaction'];
  const powerOff = (dev: string) => ['udisksctl', 'power-off', '-b', dev, '--no-user-interaction'];
  const udisks = (unmountReply: string | Error, powerOffReply: string | Error) => (args: readonly string[]) =>
    args[0] === 'unmount' ? unmountReply : powerOffReply;

  interface EjectCase {
    case: string;
    platform: NodeJS.Platform;
    path: string;
    programs: Record<string, Reply>;
    ran: string[][];
    ejected: boolean;
  }
  it.each<EjectCase>([
    {
      case: 'Linux: unmounts the device under the folder, then powers it off',
      platform: 'linux',
      path: '/media/ana/STICK',
      programs: { findmnt: '/dev/sdb1\n', udisksctl: udisks('Unmounted /dev/sdb1.\n', '') },
      ran: [findmnt('/media/ana/STICK'), unmount('/dev/sdb1'), powerOff('/dev/sdb1')],
      ejected: true,
    },
    {
      case: 'Linux: still ejected when power-off fails (unmounted is safe)',
      platform: 'linux',
      path: '/media/ana/STICK',
      programs: { findmnt: '/dev/sdb1\n', udisksctl: udisks('', fail('Error powering off drive: not supported')) },
      ran: [findmnt('/media/ana/STICK'), unmount('/dev/sdb1'), powerOff('/dev/sdb1')],
      ejected: true,
    },
    {
      case: 'Linux: not ejected when unmount fails, and no power-off is tried',
      platform: 'linux',
      path: '/media/ana/STICK',
      programs: { findmnt: '/dev/sdb1\n', udisksctl: udisks(fail('Error unmounting /dev/sdb1: target is busy'), '') },
      ran: [findmnt('/media/ana/STICK'), unmount('/dev/sdb1')],
      ejected: false,
    },
    {
      case: 'Linux: a folder on a non-device filesystem (tmpfs) is left alone',
      platform: 'linux',
      path: '/tmp/stick',
      programs: { findmnt: 'tmpfs\n', udisksctl: '' },
      ran: [findmnt('/tmp/stick')],
      ejected: false,
    },
    {
      case: 'Linux: a folder that is not itself a mount point (findmnt exits 1) is left alone',
      platform: 'linux',
      path: '/media/ana/OLD-STICK',
      programs: { findmnt: fail('Command failed: findmnt -n -o SOURCE --mountpoint /media/ana/OLD-STICK'), udisksctl: '' },
      ran: [findmnt('/media/ana/OLD-STICK')],
      ejected: false,
    },
    {
      case: 'Linux: udisksctl missing is not ejected',
      platform: 'linux',
      path: '/media/ana/STICK',
      programs: { findmnt: '/dev/sdb1\n' },
      ran: [findmnt('/media/ana/STICK'), unmount('/dev/sdb1')],
      ejected: false,
    },
    {
      case: 'macOS: diskutil eject',
      platform: 'darwin',
      path: '/Volumes/STICK',
      programs: { diskutil: 'Disk /Volumes/STICK ejected\n' },
      ran: [['diskutil', 'eject', '/Volumes/STICK']],
      ejected: true,
    },
    {
      case: 'macOS: diskutil failing is not ejected',
      platform: 'darwin',
      path: '/Volumes/STICK',
      programs: { diskutil: fail('Volume failed to eject') },
      ran: [['diskutil', 'eject', '/Volumes/STICK']],
      ejected: false,
    },
    {
      case: 'Windows: the Shell "Eject" verb on the drive letter, and the letter went away',
      platform: 'win32',
      path: 'E:\\',
      programs: { 'powershell.exe': '' },
      ran: [['powershell.exe', '-NoProfile', '-Command', windowsEjectScript('E:')]],
      ejected: true,
    },
    {
      case: 'Windows: the letter is still there after 10 s (Windows refused), or PowerShell failed: not ejected',
      platform: 'win32',
      path: 'e:\\',
      programs: { 'powershell.exe': fail('exit code 1') },
      ran: [['powershell.exe', '-NoProfile', '-Command', windowsEjectScript('e:')]],
      ejected: false,
    },
    ...['\\\\server\\share', "E'); Remove-Item C:\\ -Recurse #", "'E:", '/media/ana/STICK', '', '1:\\'].map((path) => ({
      case: `Windows: ${JSON.stringify(path)} is not a drive letter, so nothing runs`,
      platform: 'win32' as const,
      path,
      programs: { 'powershell.exe': '' },
      ran: [],
      ejected: false,
    })),
  ])('$case', async ({ platform, path, programs, ran, ejected }) => {
    const { drives, calls } = fakeOs({ platform, programs });
    expect(await drives.eject!(path)).toBe(ejected);
    expect(calls).toEqual(ran);
  });
});

describe('the Windows eject script', () => {
  it('invokes the Shell verb, then reports success only once the drive letter is gone', () => {
    const script = windowsEjectScript('E:');
    expect(script).toContain("$d = 'E:'");
    expect(script).toContain(".ParseName($d).InvokeVerb('Eject')");
    // Waits for the letter to go (40 × 250 ms) and otherwise exits 1, which the caller reads as "not ejected".
    expect(script).toMatch(
      /for \(\$i = 0; \$i -lt 40; \$i\+\+\) \{ if \(-not \(Test-Path -LiteralPath "\$d\\"\)\) \{ exit 0 \}; Start-Sleep -Milliseconds 250 \}; exit 1$/,
    );
  });
});
