import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realSystem, systemDrives } from '../../../src/core/exchange/drives';
import { tempDir } from '../../support/fixed';

/**
 * The real Linux eject path: real execFile, real findmnt, a real ext4 image loop-mounted like a
 * stick. Only udisksctl is a stand-in (udisks needs udev and a system bus, which this kind of
 * machine lacks): a script first on PATH that logs its arguments and runs umount itself.
 */

const sh = (file: string, args: string[]) => execFileSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
const isMounted = (dir: string) => {
  try {
    execFileSync('mountpoint', ['-q', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Why this machine cannot run the test, or null. Tries the whole setup once rather than guessing. */
function whyNot(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (mount -o loop needs root)';
  const probe = tempDir('kiosk-eject-probe-');
  const img = join(probe.path, 'probe.img');
  const dir = join(probe.path, 'mnt');
  try {
    mkdirSync(dir);
    sh('truncate', ['-s', '8M', img]);
    sh('mkfs.ext4', ['-q', '-L', 'PROBE', img]);
    sh('mount', ['-o', 'loop', img, dir]);
    sh('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', dir]);
    sh('mountpoint', ['-q', dir]);
    return null;
  } catch (e) {
    return `cannot loop-mount an ext4 image here (truncate/mkfs.ext4/mount/losetup/findmnt/mountpoint): ${(e as Error).message.split('\n')[0]}`;
  } finally {
    unmountAndDetach(dir, img);
    probe.remove();
  }
}

function unmountAndDetach(dir: string, img: string) {
  try {
    if (isMounted(dir)) sh('umount', [dir]);
  } catch {
    // Best effort; the loop detach below still runs.
  }
  try {
    // `losetup -j` lists loop devices backed by the image: "/dev/loop0: [..]:123 (/tmp/../stick.img)".
    for (const line of sh('losetup', ['-j', img]).split('\n')) {
      const dev = line.split(':')[0];
      if (dev) sh('losetup', ['-d', dev]);
    }
  } catch {
    // No losetup, or nothing attached.
  }
}

const skipReason = whyNot();
const title = (t: string) => (skipReason ? `${t} [skipped: ${skipReason}]` : t);

describe('ejecting a real loop-mounted stick on Linux', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    while (cleanup.length) cleanup.pop()!();
  });

  /** An 8 MB ext4 "stick" labelled KIOSKSTICK, mounted at a temp folder with a file on it, and a udisksctl stub first on PATH. */
  function setup(unmount: 'works' | 'refuses') {
    const t = tempDir('kiosk-eject-');
    const img = join(t.path, 'stick.img');
    const dir = join(t.path, 'KIOSKSTICK');
    const bin = join(t.path, 'bin');
    const log = join(t.path, 'udisksctl.log');
    const path = process.env.PATH;
    cleanup.push(() => {
      process.env.PATH = path;
      unmountAndDetach(dir, img);
      t.remove();
    });
    mkdirSync(dir);
    mkdirSync(bin);
    sh('truncate', ['-s', '8M', img]);
    sh('mkfs.ext4', ['-q', '-L', 'KIOSKSTICK', img]);
    sh('mount', ['-o', 'loop', img, dir]);
    writeFileSync(join(dir, 'eastside.makshare'), 'bundle bytes');
    const device = sh('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', dir]).trim();
    const onUnmount =
      unmount === 'works'
        ? 'exec umount "$3"'
        : `echo "Error unmounting $3: GDBus.Error:org.freedesktop.UDisks2.Error.DeviceBusy: Error unmounting $3: target is busy" >&2; exit 1`;
    writeFileSync(
      join(bin, 'udisksctl'),
      [
        '#!/bin/sh',
        `printf '%s\\n' "$*" >> '${log}'`,
        'case "$1" in',
        `  unmount) ${onUnmount} ;;`,
        '  power-off) exit 0 ;;',
        'esac',
        'echo "stub udisksctl: unexpected $1" >&2; exit 2',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'udisksctl'), 0o755);
    process.env.PATH = `${bin}:${path ?? '/usr/sbin:/usr/bin:/sbin:/bin'}`;
    const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
    /** Mounts the image again (read-only) and reads the file back: what a coordinator at the next site would see. */
    const readBack = () => {
      sh('mount', ['-o', 'loop,ro', img, dir]);
      try {
        return readFileSync(join(dir, 'eastside.makshare'), 'utf8');
      } finally {
        sh('umount', [dir]);
      }
    };
    return { dir, device, calls, readBack };
  }

  it.skipIf(skipReason !== null)(title('unmounts the device found by findmnt, then powers it off; the file survives'), async () => {
    const stick = setup('works');
    expect(stick.device).toMatch(/^\/dev\/loop\d+$/);
    expect(isMounted(stick.dir)).toBe(true);

    expect(await systemDrives.eject!(stick.dir)).toBe(true);

    expect(isMounted(stick.dir)).toBe(false);
    expect(stick.calls()).toEqual([
      `unmount -b ${stick.device} --no-user-interaction`,
      `power-off -b ${stick.device} --no-user-interaction`,
    ]);
    expect(stick.readBack()).toBe('bundle bytes');
  });

  it.skipIf(skipReason !== null)(title('when udisks refuses to unmount, says not ejected and leaves the stick mounted'), async () => {
    const stick = setup('refuses');

    expect(await systemDrives.eject!(stick.dir)).toBe(false);

    expect(isMounted(stick.dir)).toBe(true);
    expect(stick.calls()).toEqual([`unmount -b ${stick.device} --no-user-interaction`]);
    expect(readFileSync(join(stick.dir, 'eastside.makshare'), 'utf8')).toBe('bundle bytes');
  });

  it.skipIf(skipReason !== null)(title('a plain folder on the stick is not a mount point, so nothing is unmounted'), async () => {
    const stick = setup('works');
    const inside = join(stick.dir, 'bundles');
    mkdirSync(inside);

    expect(await systemDrives.eject!(inside)).toBe(false);

    expect(isMounted(stick.dir)).toBe(true);
    expect(stick.calls()).toEqual([]);
  });

  it.skipIf(skipReason !== null)(
    title('tells a mounted stick from a folder left behind, as the /media fallback listing does'),
    async () => {
      const stick = setup('works');
      const parent = realSystem.device(dirname(stick.dir));
      expect(parent).not.toBeNull();
      expect(realSystem.device(stick.dir)).not.toBe(parent);
      expect(await systemDrives.eject!(stick.dir)).toBe(true);
      // Unmounted, the same name is just a folder on the disk it sits on.
      expect(realSystem.device(stick.dir)).toBe(parent);
    },
  );
});
