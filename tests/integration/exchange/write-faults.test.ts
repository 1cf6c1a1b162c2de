import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenFile } from '../../../src/shared/api/channels/exchange';
import { makeSite, stick, testDrives } from './support';
import { tempDir } from '../../support/fixed';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

/** Nothing on the stick that a later import would take for a finished bundle. */
function looksValid(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((n) => n.endsWith('.makshare') || n.endsWith('.makbackup'));
}

/** Mounting a tmpfs needs root (and a kernel that allows it here); probe once rather than assume. */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('kiosk-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe.path], { stdio: 'ignore' });
    execFileSync('umount', [probe.path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}
const canMount = canMountTmpfs();

describe('writing to the stick', () => {
  it('says the stick is nearly full before writing anything', async () => {
    const a = await makeSite('Eastside Hub', { demo: true, drives: testDrives(() => ({ freeBytes: 10_000, totalBytes: 1_000_000 })) });
    cleanup.push(() => a.dispose());
    const s = stick();
    cleanup.push(() => s.remove());
    const r = await a.raw('exchange.export_share', { folder: s.path });
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.nearly_full' } });
    expect(readdirSync(s.path)).toEqual([]);
  });

  it('a folder that is not there gets a clear message', async () => {
    const a = await makeSite('Eastside Hub', { demo: true });
    cleanup.push(() => a.dispose());
    const r = await a.raw('exchange.export_share', { folder: '/nonexistent/stick' });
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.folder_missing' } });
  });

  it('a stick pulled out mid-write leaves nothing that looks like a bundle', async () => {
    const s = tempDir('kiosk-pulled-');
    cleanup.push(() => s.remove());
    const mount = join(s.path, 'STICK');
    mkdirSync(mount);
    const a = await makeSite('Eastside Hub', {
      demo: true,
      writeHooks: {
        afterChunk: () => rmSync(mount, { recursive: true, force: true }),
      },
    });
    cleanup.push(() => a.dispose());
    const r = await a.raw('exchange.export_share', { folder: mount });
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.write_failed' } });
    expect(looksValid(mount)).toEqual([]);
    // A failed export is not logged as done.
    expect(a.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM exchange_exports').get()).toEqual({ n: 0 });
  });

  describe.skipIf(!canMount)('a real full disk (1 MB tmpfs; skipped when this user cannot mount one, i.e. not root)', () => {
    it('disk full mid-write: clear message, no bundle and no temp file left', async () => {
      const s = tempDir('kiosk-tmpfs-');
      const mount = join(s.path, 'STICK');
      mkdirSync(mount);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
      cleanup.push(() => {
        execFileSync('umount', [mount]);
        s.remove();
      });
      // The stick's own free-space report lies (some cheap sticks and FUSE mounts do): the write itself must catch it.
      const a = await makeSite('Eastside Hub', { demo: true, drives: testDrives(() => ({ freeBytes: 1e12, totalBytes: 1e12 })) });
      cleanup.push(() => a.dispose());
      writeFileSync(join(mount, 'photos.bin'), Buffer.alloc(1024 * 1024 - 48 * 1024));
      const r = await a.raw('exchange.export_share', { folder: mount });
      expect(r).toMatchObject({ ok: false, error: { code: 'exchange.disk_full' } });
      expect(readdirSync(mount)).toEqual(['photos.bin']);
    });

    it('with honest free space, the nearly-full check stops it first, and a roomy stick works', async () => {
      const s = tempDir('kiosk-tmpfs-');
      const mount = join(s.path, 'STICK');
      mkdirSync(mount);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
      cleanup.push(() => {
        execFileSync('umount', [mount]);
        s.remove();
      });
      const a = await makeSite('Eastside Hub', { demo: true });
      cleanup.push(() => a.dispose());
      const ok = await a.call<WrittenFile>('exchange.export_share', { folder: mount });
      expect(ok.verified).toBe(true);
      rmSync(ok.path);
      writeFileSync(join(mount, 'photos.bin'), Buffer.alloc(1024 * 1024 - 64 * 1024));
      const r = await a.raw('exchange.export_share', { folder: mount });
      expect(r).toMatchObject({ ok: false, error: { code: 'exchange.nearly_full' } });
      expect(readdirSync(mount)).toEqual(['photos.bin']);
    });
  });
});
