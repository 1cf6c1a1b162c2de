import { FILE_STATE_TABLES } from '../../../src/core/db/open';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WrittenFile } from '../../../src/shared/api/channels/exchange';
import { LATEST_VERSION } from '../../../src/core/db/open';
import { folderSpace } from '../../../src/core/exchange/drives';
import { makeSite, stick, testDrives, type Site } from './support';

// Counts key derivations (passing every call through): "refused before deriving" is then a
// fact the test checks, not a timing it hopes for.
const kdf = vi.hoisted(() => ({ sync: 0, async: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const scryptSync = (...args: Parameters<typeof real.scryptSync>) => {
    kdf.sync += 1;
    return real.scryptSync(...args);
  };
  const scrypt = (...args: unknown[]) => {
    kdf.async += 1;
    return (real.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...real, scryptSync, scrypt, default: { ...real, scryptSync, scrypt } };
});

const PASS = 'correct horse battery staple';
const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});
const resetKdf = () => {
  kdf.sync = 0;
  kdf.async = 0;
};
beforeEach(resetKdf);

async function site(name: string, opts: Parameters<typeof makeSite>[1] = {}): Promise<Site> {
  const s = await makeSite(name, opts);
  cleanup.push(() => s.dispose());
  // Setting a hub up hashes its PINs; only the backup's own key derivations are counted.
  resetKdf();
  return s;
}
function folder(): string {
  const f = stick();
  cleanup.push(() => f.remove());
  return f.path;
}

/** The file's parts: magic line, header JSON, and the rest (ciphertext and tag). */
function split(bytes: Buffer): { header: Record<string, unknown>; rest: Buffer } {
  const nl1 = bytes.indexOf(0x0a);
  const nl2 = bytes.indexOf(0x0a, nl1 + 1);
  return { header: JSON.parse(bytes.subarray(nl1 + 1, nl2).toString()) as Record<string, unknown>, rest: bytes.subarray(nl2 + 1) };
}
function join3(header: unknown, rest: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`MAK-BACKUP 1\n${JSON.stringify(header)}\n`), rest]);
}

/** A SQLite image of a hub that can be opened in memory (the WAL marker bytes set back to rollback). */
function imageOf(s: Site): Buffer {
  const img = s.core.ctx.db.serialize();
  img[18] = 1;
  img[19] = 1;
  return img;
}

/** A format-1 backup (the SQLite file itself, not compressed), properly encrypted: what older kiosks wrote. */
function sealV1(image: Buffer, siteId: string): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = {
    format: 'mak-backup',
    version: 1,
    site: { id: siteId, name: 'Eastside Hub' },
    created: '2026-11-28T10:00:00.000Z',
    schema: LATEST_VERSION,
    kdf: { name: 'scrypt', N: 32768, r: 8, p: 1, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
  };
  const line = JSON.stringify(header);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(PASS, salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }), iv);
  cipher.setAAD(Buffer.from(line));
  const body = Buffer.concat([cipher.update(image), cipher.final(), cipher.getAuthTag()]);
  resetKdf();
  return Buffer.concat([Buffer.from(`MAK-BACKUP 1\n${line}\n`), body]);
}

/** Restores into `fresh` and checks that a failure left it exactly as it was: same bytes, still in setup. */
async function refused(fresh: Site, where: string, name: string): Promise<string> {
  const before = fresh.checksum();
  const r = await fresh.raw('exchange.restore_backup', { folder: where, name, passphrase: PASS });
  expect(r.ok).toBe(false);
  expect(fresh.checksum()).toBe(before);
  expect(await fresh.raw('site.status', {})).toMatchObject({ ok: true, value: { setUp: false } });
  return r.ok ? '' : r.error.code;
}

function tables(s: Site): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of s.core.ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[]) {
    out[name] = s.core.ctx.db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
  }
  return out;
}

describe('making a backup', () => {
  it('compresses the database, and derives its key with the async scrypt (never blocking the kiosk)', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: folder(), passphrase: PASS });
    const { header } = split(readFileSync(w.path));
    expect(header).toMatchObject({ version: 2, compression: 'gzip' });
    expect(w.bytes).toBeLessThan(a.core.ctx.db.serialize().length / 2);
    expect(kdf).toEqual({ sync: 0, async: 1 });
    // The data folder never held a plaintext copy.
    expect(readdirSync(join(a.dir, 'data')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is refused on a stick without room for it before any key is derived, and writes nothing', async () => {
    let free = Number.POSITIVE_INFINITY;
    const drives = testDrives((f) => (free === Number.POSITIVE_INFINITY ? folderSpace(f) : { freeBytes: free, totalBytes: free }));
    const a = await site('Eastside Hub', { demo: true, drives });
    const where = folder();
    free = 100 * 1024;
    expect(await a.raw('exchange.export_backup', { folder: where, passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'exchange.nearly_full' },
    });
    expect(kdf).toEqual({ sync: 0, async: 0 });
    expect(readdirSync(where)).toEqual([]);
  });
});

describe('restoring a backup', () => {
  it('still restores a format-1 backup (the uncompressed SQLite file) from an older kiosk', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const where = folder();
    writeFileSync(join(where, 'old.makbackup'), sealV1(imageOf(a), a.id));
    const fresh = await site('New laptop', { setUp: false });
    expect(await fresh.raw('exchange.restore_backup', { folder: where, name: 'old.makbackup', passphrase: PASS })).toMatchObject({
      ok: true,
      value: { setUp: true, name: 'Eastside Hub' },
    });
    expect(tables(fresh)).toEqual(tables(a));
    expect(kdf.sync).toBe(0);
  });

  it('checks every header field against what this kiosk writes, before deriving any key', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const where = folder();
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: where, passphrase: PASS });
    const { header, rest } = split(readFileSync(w.path));
    const kdfOf = header.kdf as Record<string, unknown>;
    const cases: [string, Record<string, unknown>, string][] = [
      ['huge-n', { kdf: { ...kdfOf, N: 2 ** 20 } }, 'exchange.backup_kdf'],
      ['odd-n', { kdf: { ...kdfOf, N: 40000 } }, 'exchange.backup_kdf'],
      ['big-r', { kdf: { ...kdfOf, r: 32 } }, 'exchange.backup_kdf'],
      ['big-p', { kdf: { ...kdfOf, p: 4 } }, 'exchange.backup_kdf'],
      ['argon', { kdf: { ...kdfOf, name: 'argon2' } }, 'exchange.backup_kdf'],
      ['empty-salt', { kdf: { ...kdfOf, salt: '' } }, 'exchange.backup_salt'],
      ['empty-iv', { iv: '' }, 'exchange.backup_iv'],
      ['long-iv', { iv: randomBytes(16).toString('base64') }, 'exchange.backup_iv'],
      ['cipher', { cipher: 'aes-128-gcm' }, 'exchange.backup_cipher'],
      ['version', { version: 3 }, 'exchange.backup_version'],
      ['compression', { compression: 'brotli' }, 'exchange.backup_compression'],
      ['schema', { schema: 99_999 }, 'db.too_new'],
    ];
    const fresh = await site('New laptop', { setUp: false });
    for (const [name, change, code] of cases) {
      writeFileSync(join(where, `${name}.makbackup`), join3({ ...header, ...change }, rest));
      resetKdf();
      expect([name, await refused(fresh, where, `${name}.makbackup`)]).toEqual([name, code]);
      expect([name, kdf]).toEqual([name, { sync: 0, async: 0 }]);
    }
    expect(readdirSync(join(fresh.dir, 'data')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('restores nothing from a backup whose contents do not hold together', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const where = folder();
    const edited = (sql: string) => {
      const db = new Database(imageOf(a));
      db.exec(sql);
      const out = db.serialize();
      db.close();
      return sealV1(out, a.id);
    };
    writeFileSync(join(where, 'settings.makbackup'), edited("UPDATE site SET settings = 'not json'"));
    writeFileSync(join(where, 'column.makbackup'), edited('ALTER TABLE volunteers DROP COLUMN name'));
    writeFileSync(join(where, 'empty.makbackup'), edited('DELETE FROM site'));
    writeFileSync(join(where, 'garbage.makbackup'), sealV1(randomBytes(8192), a.id));
    const fresh = await site('New laptop', { setUp: false });
    expect(await refused(fresh, where, 'settings.makbackup')).toBe('exchange.backup_damaged');
    expect(await refused(fresh, where, 'column.makbackup')).toBe('exchange.backup_damaged');
    expect(await refused(fresh, where, 'empty.makbackup')).toBe('exchange.not_a_backup');
    expect(await refused(fresh, where, 'garbage.makbackup')).toBe('exchange.backup_damaged');
  });

  it('reads only regular files: a folder or a FIFO given as a backup is refused at once', async () => {
    const where = folder();
    mkdirSync(join(where, 'folder.makbackup'));
    const fresh = await site('New laptop', { setUp: false });
    expect(await refused(fresh, where, 'folder.makbackup')).toBe('exchange.not_a_file');
    if (process.platform !== 'win32') {
      // No writer ever opens this FIFO: reading it the blocking way would freeze the kiosk.
      execFileSync('mkfifo', [join(where, 'fifo.makbackup')]);
      expect(await refused(fresh, where, 'fifo.makbackup')).toBe('exchange.not_a_file');
    }
  });

  it('once set up, tells a caller without a PIN nothing about which folders exist', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const where = folder();
    for (const f of [where, join(where, 'not-there')]) {
      for (const name of ['x.makbackup', 'missing.makbackup']) {
        const r = await a.core.dispatch('exchange.restore_backup', { input: { folder: f, name, passphrase: PASS }, session: null });
        // The contract's 'setup' access answers before the input is read: the same for every folder.
        expect(r).toMatchObject({ ok: false, error: { code: 'site.already_set_up' } });
      }
    }
  });
});

describe('two restores racing into one new install (worker threads, one connection each)', () => {
  it('lets exactly one win; the other is told the install is no longer empty', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const where = folder();
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: where, passphrase: PASS });
    const fresh = await site('New laptop', { setUp: false });
    const WORKER = new URL('../../support/restore-worker.ts', import.meta.url).href;
    const gate = new SharedArrayBuffer(8);
    const flags = new Int32Array(gate);
    const workers = ['one', 'two'].map(
      (seed) =>
        new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER)}); })`, {
          eval: true,
          workerData: { file: fresh.core.ctx.db.name, folder: where, name: w.fileName, passphrase: PASS, gate, seed },
        }),
    );
    const results = workers.map(
      (wk) =>
        new Promise<{ ok: boolean; code: string | null }>((resolve, reject) => {
          wk.once('message', resolve);
          wk.once('error', reject);
        }),
    );
    while (Atomics.load(flags, 1) < workers.length) await new Promise((r) => setTimeout(r, 20));
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    const outcomes = await Promise.all(results);
    await Promise.all(workers.map((wk) => wk.terminate()));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, code: 'exchange.restore_not_empty' }]);
    const want = tables(a);
    want.exchange_exports = want.exchange_exports!.filter((r) => (r as { kind: string }).kind !== 'backup');
    const got = tables(fresh);
    // Whether each file was closed cleanly is the file's own state, never restored.
    for (const t of FILE_STATE_TABLES) {
      delete want[t];
      delete got[t];
    }
    expect(got).toEqual(want);
  }, 30_000);
});

describe('hub cards from a stick', () => {
  it('reads only regular files: a FIFO or a folder given as a card is refused at once', async () => {
    const a = await site('Eastside Hub', { demo: true });
    const where = folder();
    mkdirSync(join(where, 'folder.makcard'));
    expect(await a.raw('exchange.add_card', { folder: where, name: 'folder.makcard' })).toMatchObject({
      ok: false,
      error: { code: 'exchange.not_a_file' },
    });
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(where, 'fifo.makcard')]);
      expect(await a.raw('exchange.add_card', { folder: where, name: 'fifo.makcard' })).toMatchObject({
        ok: false,
        error: { code: 'exchange.not_a_file' },
      });
    }
  });
});
