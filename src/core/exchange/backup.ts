import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SiteStatus } from '../../shared/domain/site';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { openDatabase } from '../db/open';
import { readSite, siteStatus } from '../site/site-service';
import { requireFolder, safeFileName, writeAtomic, type WriteHooks } from './atomic-write';
import type { DriveSource } from './drives';
import { BACKUP_EXTENSION } from './format';
import { bundleFileName } from './share';

/**
 * The full backup (docs/bundle-format.md, "Full backup"):
 *
 *   MAK-BACKUP 1\n
 *   <header JSON>\n              ← authenticated as AES-GCM additional data
 *   <AES-256-GCM ciphertext of a SQLite snapshot (VACUUM INTO)>
 *   <16-byte GCM tag>
 *
 * Key = scrypt(passphrase, salt, N=2^15, r=8, p=1, 32 bytes). Nothing is used from a file whose
 * tag does not verify: decryption goes to a temp file that is only opened after final().
 */
export const BACKUP_MAGIC = 'MAK-BACKUP 1';
export const MIN_PASSPHRASE = 10;
const KDF = { N: 1 << 15, r: 8, p: 1 };
const CHUNK = 1024 * 1024;
const TAG = 16;

const BackupHeader = z.strictObject({
  format: z.literal('mak-backup'),
  version: z.literal(1),
  site: z.strictObject({ id: z.string().max(100), name: z.string().max(200) }),
  created: z.string().max(40),
  schema: z.number().int(),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number().int().min(1 << 15).max(1 << 20), r: z.number().int().min(8).max(32), p: z.number().int().min(1).max(4), salt: z.string().max(100) }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string().max(100),
});
type BackupHeader = z.infer<typeof BackupHeader>;

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Buffer {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MB) is exactly too small for N=2^15, r=8.
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 });
}

function removeQuietly(path: string): void {
  try {
    if (existsSync(path)) unlinkSync(path);
  } catch {
    // a leftover temp file in the data folder is harmless; it is overwritten or ignored
  }
}

/** Encrypts a snapshot of the whole database into a temp file next to it, then writes it atomically. */
export async function exportBackup(ctx: CoreContext, drives: DriveSource, folder: string, passphrase: string, volunteer: string | null, hooks?: WriteHooks): Promise<WrittenFile> {
  if ([...passphrase].length < MIN_PASSPHRASE) throw new AppError('exchange.weak_passphrase', 'passphrase too short', { min: MIN_PASSPHRASE });
  requireFolder(folder);
  const site = readSite(ctx);
  if (!site) throw new AppError('site.not_set_up', 'nothing to back up');
  const dataDir = dirname(ctx.db.name);
  const stamp = ctx.ids.uuid();
  const plain = join(dataDir, `.backup-${stamp}.sqlite`);
  const sealed = join(dataDir, `.backup-${stamp}${BACKUP_EXTENSION}`);
  try {
    // A consistent, compact copy while the kiosk keeps running (WAL readers never block).
    ctx.db.prepare('VACUUM INTO ?').run(plain);
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const header: BackupHeader = {
      format: 'mak-backup',
      version: 1,
      site: { id: site.id, name: site.name },
      created: nowIso(ctx),
      schema: ctx.db.pragma('user_version', { simple: true }) as number,
      kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
    };
    const headerLine = JSON.stringify(header);
    const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, KDF), iv);
    cipher.setAAD(Buffer.from(headerLine));
    const out = openSync(sealed, 'w');
    const inp = openSync(plain, 'r');
    try {
      writeSync(out, `${BACKUP_MAGIC}\n${headerLine}\n`);
      const buf = Buffer.alloc(CHUNK);
      for (;;) {
        const n = readSync(inp, buf, 0, CHUNK, null);
        if (n === 0) break;
        writeSync(out, cipher.update(buf.subarray(0, n)));
      }
      writeSync(out, cipher.final());
      writeSync(out, cipher.getAuthTag());
    } finally {
      closeSync(inp);
      closeSync(out);
    }
    removeQuietly(plain);
    const name = bundleFileName(site.name, ctx.clock.now(), 0, BACKUP_EXTENSION).replace('-0000', '');
    const written = await writeAtomic(drives, folder, name, { file: sealed }, hooks);
    ctx.db
      .prepare("INSERT INTO exchange_exports (id, kind, sequence, file_name, bytes, sha256, at, volunteer) VALUES (?, 'backup', NULL, ?, ?, ?, ?, ?)")
      .run(ctx.ids.uuid(), name, written.bytes, written.sha256, nowIso(ctx), volunteer);
    return written;
  } finally {
    removeQuietly(plain);
    removeQuietly(sealed);
  }
}

function readHeader(fd: number): { header: BackupHeader; headerLine: string; offset: number } {
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, 0);
  const head = buf.subarray(0, n);
  const nl1 = head.indexOf(0x0a);
  if (nl1 < 0 || head.subarray(0, nl1).toString() !== BACKUP_MAGIC) throw new AppError('exchange.not_a_backup', 'not a backup file');
  const nl2 = head.indexOf(0x0a, nl1 + 1);
  if (nl2 < 0) throw new AppError('exchange.truncated', 'backup header cut short');
  const headerLine = head.subarray(nl1 + 1, nl2).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerLine);
  } catch {
    throw new AppError('exchange.not_a_backup', 'backup header is not JSON');
  }
  const header = BackupHeader.safeParse(parsed);
  if (!header.success) throw new AppError('exchange.not_a_backup', 'backup header not understood');
  return { header: header.data, headerLine, offset: nl2 + 1 };
}

/**
 * A new install: no site and no rows anywhere, except the one-row settings tables that
 * migrations create with their defaults (a `singleton` column), which the restore replaces.
 */
function isEmpty(ctx: CoreContext): boolean {
  if (readSite(ctx)) return false;
  const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return tables.every((t) => isSettingsDefault(ctx, t.name) || !ctx.db.prepare(`SELECT 1 FROM "${t.name}" LIMIT 1`).get());
}

function isSettingsDefault(ctx: CoreContext, table: string): boolean {
  return (ctx.db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, 'singleton') ?? null) !== null;
}

/**
 * Restores a backup into a new, empty install. The decrypted copy is checked (GCM tag, then
 * quick_check and forward migrations on its own) before one transaction copies every table in.
 */
export function restoreBackup(ctx: CoreContext, folder: string, name: string, passphrase: string): SiteStatus {
  safeFileName(name);
  requireFolder(folder);
  if (!isEmpty(ctx)) throw new AppError('exchange.restore_not_empty', 'this kiosk already has a hub on it');
  const path = join(folder, name);
  if (!existsSync(path)) throw new AppError('exchange.not_found', `no file ${name}`, { name });
  const dataDir = dirname(ctx.db.name);
  const plain = join(dataDir, `.restore-${ctx.ids.uuid()}.sqlite`);
  const fd = openSync(path, 'r');
  try {
    const { header, headerLine, offset } = readHeader(fd);
    const size = fstatSync(fd).size;
    if (size < offset + TAG) throw new AppError('exchange.truncated', 'backup cut short');
    const tag = Buffer.alloc(TAG);
    readSync(fd, tag, 0, TAG, size - TAG);
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf), Buffer.from(header.iv, 'base64'));
    decipher.setAAD(Buffer.from(headerLine));
    decipher.setAuthTag(tag);
    const out = openSync(plain, 'w');
    try {
      const buf = Buffer.alloc(CHUNK);
      let pos = offset;
      const end = size - TAG;
      while (pos < end) {
        const n = readSync(fd, buf, 0, Math.min(CHUNK, end - pos), pos);
        if (n === 0) break;
        pos += n;
        writeSync(out, decipher.update(buf.subarray(0, n)));
      }
      try {
        writeSync(out, decipher.final());
      } catch {
        throw new AppError('exchange.bad_passphrase', 'wrong passphrase, or the backup is damaged');
      }
    } finally {
      closeSync(out);
    }
    // Opening it checks the file and brings an older backup forward to this version's schema.
    const restored = openDatabase(plain);
    const ok = restored.prepare('SELECT 1 FROM site').get();
    restored.pragma('wal_checkpoint(TRUNCATE)');
    restored.pragma('journal_mode = DELETE');
    restored.close();
    if (!ok) throw new AppError('exchange.not_a_backup', 'the backup holds no hub');
    copyInto(ctx, plain);
    return siteStatus(ctx);
  } finally {
    closeSync(fd);
    removeQuietly(plain);
    removeQuietly(`${plain}-wal`);
    removeQuietly(`${plain}-shm`);
  }
}

function copyInto(ctx: CoreContext, file: string): void {
  const db = ctx.db;
  db.prepare('ATTACH DATABASE ? AS restored').run(file);
  // Foreign keys are checked once at the end, not row by row in whatever order tables come.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      // In creation order: tables kept up to date by triggers (item_stock from on_hand,
      // reservations from slip_lines) come after their sources, so the backup's own copy of a
      // derived table, cleared and copied last, is what stays.
      const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as { name: string }[];
      for (const { name } of tables) {
        const theirs = new Set((db.prepare(`SELECT name FROM restored.pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name));
        if (theirs.size === 0) continue;
        const cols = (db.prepare(`SELECT name FROM main.pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name).filter((c) => theirs.has(c));
        const list = cols.map((c) => `"${c}"`).join(', ');
        // Only migration defaults can be here (isEmpty checked): the backup's rows replace them.
        db.exec(`DELETE FROM main."${name}"`);
        db.exec(`INSERT INTO main."${name}" (${list}) SELECT ${list} FROM restored."${name}"`);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new AppError('exchange.not_a_backup', 'the backup does not hold together');
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
    db.exec('DETACH DATABASE restored');
  }
}
