import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WrittenFile } from '../../../src/shared/api/channels/exchange';
import { createCore } from '../../../src/core/index';
import { openDatabase } from '../../../src/core/db/open';
import { siteStatus } from '../../../src/core/site/site-service';
import { tempDir } from '../../support/fixed';
import { makeSite, stick } from './support';

const PASS = 'correct horse battery staple';
const CHILD = fileURLToPath(new URL('../../support/backup-child.ts', import.meta.url));
const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

/** What a data folder may hold: the database and SQLite's own WAL files, nothing else. */
const DATABASE_FILES = /^kiosk\.sqlite(-wal|-shm)?$/;

/** Files only a backup or restore could have written into a data folder. */
const snapshots = (dataDir: string) => readdirSync(dataDir).filter((n) => /^\.(backup|restore)-/.test(n));

/** Opens the core on a data folder (a start-up) and returns what is left in it afterwards. */
function startAndList(dataDir: string): string[] {
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'));
  const core = createCore({ db });
  // Whatever point the kill came at, the install is a readable one: set up or still empty.
  siteStatus(core.ctx);
  core.close();
  return readdirSync(dataDir).filter((n) => !DATABASE_FILES.test(n));
}

/** Starts the child, lets it run `delayMs` past "ready", then kills it without warning. */
function runAndKill(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended by itself (${code}): ${err}`))));
  });
}

/** Delays from a fixed seed: the same run kills at the same offsets every time. */
function delays(seed: number, count: number, maxMs: number): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % maxMs;
  });
}

describe('no plaintext copy of the database outlives a crash', () => {
  it('removes snapshots an older version left behind, at start-up, and nothing else', () => {
    const tmp = tempDir('kiosk-leftovers-');
    cleanup.push(() => tmp.remove());
    const dataDir = join(tmp.path, 'data');
    mkdirSync(dataDir);
    const left = [
      '.backup-0192.sqlite',
      '.backup-0192.makbackup',
      '.restore-0193.sqlite',
      '.restore-0193.sqlite-wal',
      '.restore-0193.sqlite-shm',
      '.restore-0193.sqlite-journal',
    ];
    for (const n of [...left, 'notes.txt', '.keep']) writeFileSync(join(dataDir, n), 'Amina, 3 people');
    expect(startAndList(dataDir).sort()).toEqual(['.keep', 'notes.txt']);
    for (const n of left) expect(existsSync(join(dataDir, n))).toBe(false);
  });

  it('after kills at random points of backups and restores, a start leaves nothing but the database', async () => {
    const a = await makeSite('Eastside Hub', { demo: true });
    cleanup.push(() => a.dispose());
    const s = stick();
    cleanup.push(() => s.remove());
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: s.path, passphrase: PASS });
    const hubData = join(a.dir, 'data');
    const restores = tempDir('kiosk-restores-');
    cleanup.push(() => restores.remove());
    const out = stick();
    cleanup.push(() => out.remove());

    for (const [n, delay] of delays(12, 10, 1500).entries()) {
      await runAndKill(['backup', join(hubData, 'kiosk.sqlite'), out.path, '', PASS], delay);
      // Not even before the start cleans up: a backup never writes a plaintext copy at all.
      expect([`backup kill ${n} after ${delay} ms`, snapshots(hubData)]).toEqual([`backup kill ${n} after ${delay} ms`, []]);
      expect([`backup kill ${n} after ${delay} ms`, startAndList(hubData)]).toEqual([`backup kill ${n} after ${delay} ms`, []]);
    }
    for (const [n, delay] of delays(34, 10, 1500).entries()) {
      const root = join(restores.path, `kill-${n}`);
      mkdirSync(root);
      await runAndKill(['restore', root, s.path, w.fileName, PASS], delay);
      for (const r of readdirSync(root)) {
        if (existsSync(join(root, r, 'data')))
          expect([`restore kill ${n}, ${r}`, snapshots(join(root, r, 'data'))]).toEqual([`restore kill ${n}, ${r}`, []]);
        expect([`restore kill ${n} after ${delay} ms, ${r}`, startAndList(join(root, r, 'data'))]).toEqual([
          `restore kill ${n} after ${delay} ms, ${r}`,
          [],
        ]);
      }
    }
  }, 240_000);
});
