import { createCipheriv, createDecipheriv, randomBytes, scrypt, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import type { SiteStatus } from '../../shared/domain/site';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { FILE_STATE_TABLES, LATEST_VERSION, openDatabase, type Db } from '../db/open';
import { readRegularFile, UnreadableFile } from '../files/read-regular';
import { readSite, siteStatus } from '../site/site-service';
import { snapshotImage } from '../db/snapshot';
import { mb, requireFolder, requireRoom, safeFileName, writeAtomic, type WriteHooks } from './atomic-write';
import type { DriveSource } from './drives';
import { BACKUP_EXTENSION } from './format';
import { bundleFileName } from './share-export';

/**
 * The full backup (docs/bundle-format.md, "Full backup"):
 *
 *   MAK-BACKUP 1\n
 *   <header JSON>\n              ← authenticated as AES-GCM additional data
 *   <AES-256-GCM ciphertext of the database: version 2 a gzip of its SQLite image, version 1 the SQLite file itself>
 *   <16-byte GCM tag>
 *
 * Key = scrypt(passphrase, salt, N=2^15, r=8, p=1, 32 bytes). Everything happens in memory: no
 * plaintext copy of the database (visitors' names are in it) is ever written to disk, so none
 * can outlive a crash. Nothing is used from a file whose tag does not verify.
 */
export const BACKUP_MAGIC = 'MAK-BACKUP 1';
export const BACKUP_VERSION = 2;
export const MIN_PASSPHRASE = 10;
/** The one KDF cost this app writes: a file asking for any other is refused before deriving. */
const KDF = { N: 1 << 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG = 16;
const HEADER_MAX = 4096;
/** Far above a hub with years of history (a backup is compressed), far below what hurts the kiosk. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
const MAX_IMAGE_BYTES = 4 * 1024 * 1024 * 1024;
const CHUNK = 1024 * 1024;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** Fields only shown to people (never used for crypto): any shape within bounds. */
const HeaderInfo = z.object({
  format: z.literal('mak-backup'),
  site: z.strictObject({ id: z.string().max(100), name: z.string().max(200) }),
  created: z.string().max(40),
  schema: z.number().int().min(1),
});
const KNOWN_FIELDS = new Set(['format', 'version', 'site', 'created', 'schema', 'kdf', 'cipher', 'iv', 'compression']);

interface BackupHeader {
  version: 1 | 2;
  site: { id: string; name: string };
  schema: number;
  salt: Buffer;
  iv: Buffer;
}

/** Exactly `bytes` bytes of canonical base64, or null. */
function base64Of(value: unknown, bytes: number): Buffer | null {
  if (typeof value !== 'string') return null;
  const buf = Buffer.from(value, 'base64');
  return buf.length === bytes && buf.toString('base64') === value ? buf : null;
}

/**
 * Every header field bound to what this app writes, checked before any key is derived: the
 * header is authenticated only by the key it asks us to derive, so until then it is a stranger's word.
 */
function checkHeader(parsed: unknown): BackupHeader {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AppError('exchange.not_a_backup', 'backup header is not an object');
  const h = parsed as Record<string, unknown>;
  const info = HeaderInfo.safeParse(h);
  if (!info.success || Object.keys(h).some((k) => !KNOWN_FIELDS.has(k)))
    throw new AppError('exchange.not_a_backup', 'backup header not understood');
  if (h.version !== 1 && h.version !== 2)
    throw new AppError('exchange.backup_version', `backup format ${String(h.version)}`, { found: String(h.version).slice(0, 20) });
  if (h.cipher !== 'aes-256-gcm') throw new AppError('exchange.backup_cipher', 'backup cipher is not aes-256-gcm');
  const kdf = h.kdf as Record<string, unknown> | null;
  if (
    typeof kdf !== 'object' ||
    kdf === null ||
    Object.keys(kdf).length !== 5 ||
    kdf.name !== 'scrypt' ||
    kdf.N !== KDF.N ||
    kdf.r !== KDF.r ||
    kdf.p !== KDF.p
  ) {
    throw new AppError('exchange.backup_kdf', 'backup asks for a key derivation this kiosk does not write');
  }
  const salt = base64Of(kdf.salt, SALT_BYTES);
  if (!salt) throw new AppError('exchange.backup_salt', `backup salt is not ${SALT_BYTES} bytes`);
  const iv = base64Of(h.iv, IV_BYTES);
  if (!iv) throw new AppError('exchange.backup_iv', `backup IV is not ${IV_BYTES} bytes`);
  // Version 1 was never compressed; version 2 always is, with gzip.
  if (h.version === 1 ? 'compression' in h : h.compression !== 'gzip')
    throw new AppError('exchange.backup_compression', 'backup compression not understood');
  if (info.data.schema > LATEST_VERSION) {
    throw new AppError('db.too_new', `backup is at version ${info.data.schema}, this kiosk knows up to ${LATEST_VERSION}`, {
      found: info.data.schema,
      known: LATEST_VERSION,
    });
  }
  return { version: h.version, site: info.data.site, schema: info.data.schema, salt, iv };
}

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  // On libuv's thread pool: the kiosk keeps answering while the key is derived. scrypt needs
  // 128·N·r bytes; Node's default cap (32 MB) is exactly too small for N=2^15, r=8.
  return scryptAsync(passphrase.normalize('NFC'), salt, 32, { ...KDF, maxmem: 256 * KDF.N * KDF.r + 1024 * 1024 });
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** En- or decrypts a megabyte at a time, letting the kiosk answer between chunks. */
async function crypt(c: CipherGCM | DecipherGCM, input: Buffer): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let off = 0; off < input.length; off += CHUNK) {
    out.push(c.update(input.subarray(off, off + CHUNK)));
    if (off + CHUNK < input.length) await nextTurn();
  }
  return out;
}

/** Encrypts a compressed, in-memory image of the whole database, then writes it atomically. */
export async function exportBackup(
  ctx: CoreContext,
  drives: DriveSource,
  folder: string,
  passphrase: string,
  volunteer: string | null,
  hooks?: WriteHooks,
): Promise<WrittenFile> {
  if ([...passphrase].length < MIN_PASSPHRASE)
    throw new AppError('exchange.weak_passphrase', 'passphrase too short', { min: MIN_PASSPHRASE });
  requireFolder(folder);
  const site = readSite(ctx);
  if (!site) throw new AppError('site.not_set_up', 'nothing to back up');
  const schema = ctx.db.pragma('user_version', { simple: true }) as number;
  // One consistent read of every page (what this connection sees, WAL included), into memory.
  const image = await snapshotImage(ctx.db);
  const packed = await gzipAsync(image);
  image.fill(0);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const headerLine = JSON.stringify({
    format: 'mak-backup',
    version: BACKUP_VERSION,
    site: { id: site.id, name: site.name },
    created: nowIso(ctx),
    schema,
    kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    compression: 'gzip',
  });
  const prefix = Buffer.from(`${BACKUP_MAGIC}\n${headerLine}\n`);
  requireRoom(drives, folder, prefix.length + packed.length + TAG);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  cipher.setAAD(Buffer.from(headerLine));
  const body = await crypt(cipher, packed);
  packed.fill(0);
  const file = Buffer.concat([prefix, ...body, cipher.final(), cipher.getAuthTag()]);
  const name = bundleFileName(site.name, ctx.clock.now(), 0, BACKUP_EXTENSION).replace('-0000', '');
  const written = await writeAtomic(drives, folder, name, { buffer: file }, hooks);
  ctx.db
    .prepare(
      "INSERT INTO exchange_exports (id, kind, sequence, file_name, bytes, sha256, at, volunteer) VALUES (?, 'backup', NULL, ?, ?, ?, ?, ?)",
    )
    .run(ctx.ids.uuid(), name, written.bytes, written.sha256, nowIso(ctx), volunteer);
  return written;
}

function splitBackup(bytes: Buffer): { header: BackupHeader; headerLine: string; body: Buffer } {
  const head = bytes.subarray(0, HEADER_MAX);
  const nl1 = head.indexOf(0x0a);
  if (nl1 < 0 || head.subarray(0, nl1).toString() !== BACKUP_MAGIC) throw new AppError('exchange.not_a_backup', 'not a backup file');
  const nl2 = head.indexOf(0x0a, nl1 + 1);
  if (nl2 < 0)
    throw new AppError(bytes.length < HEADER_MAX ? 'exchange.truncated' : 'exchange.not_a_backup', 'backup header cut short or too long');
  const headerLine = head.subarray(nl1 + 1, nl2).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerLine);
  } catch {
    throw new AppError('exchange.not_a_backup', 'backup header is not JSON');
  }
  const header = checkHeader(parsed);
  const body = bytes.subarray(nl2 + 1);
  if (body.length < TAG) throw new AppError('exchange.truncated', 'backup cut short');
  return { header, headerLine, body };
}

async function readBackupFile(path: string, name: string): Promise<Buffer> {
  try {
    return await readRegularFile(path, MAX_BACKUP_BYTES);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    if (err.reason === 'not_a_file') throw new AppError('exchange.not_a_file', err.message, { name });
    if (err.reason === 'too_large') throw new AppError('exchange.backup_too_large', err.message, { maxMb: mb(MAX_BACKUP_BYTES) });
    throw new AppError('exchange.not_found', `no file ${name}`, { name });
  }
}

/**
 * A new install: no site and no rows anywhere, except the one-row settings tables that
 * migrations create with their defaults (a `singleton` column), which the restore replaces.
 */
function isEmpty(db: Db): boolean {
  if (db.prepare('SELECT 1 FROM site').get()) return false;
  return userTables(db).every((t) => isSettingsDefault(db, t) || !db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get());
}

function requireEmpty(db: Db): void {
  if (!isEmpty(db)) throw new AppError('exchange.restore_not_empty', 'this kiosk already has a hub on it');
}

function isSettingsDefault(db: Db, table: string): boolean {
  return (db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, 'singleton') ?? null) !== null;
}

/** In creation order: tables kept up to date by triggers come after their sources. */
function userTables(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
}

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map((c) => c.name);
}

const damaged = (why: string) => new AppError('exchange.backup_damaged', `the backup does not hold together: ${why}`);

/**
 * Opens the decrypted image in memory (never on disk), brings it forward with the migrations
 * and checks that it is one whole hub with exactly this version's tables and columns.
 */
function openImage(ctx: CoreContext, image: Buffer, header: BackupHeader): Db {
  if (image.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') throw damaged('not a SQLite database');
  // Bytes 18-19 say "WAL" in an image of a WAL database; an in-memory copy must say "rollback".
  image[18] = 1;
  image[19] = 1;
  let restored: Db;
  try {
    restored = openDatabase(image);
  } catch (err) {
    if (err instanceof AppError && err.code === 'db.too_new') throw err;
    throw damaged((err as Error).message);
  }
  try {
    restored.pragma('temp_store = MEMORY');
    // Migrated to this version, a whole backup has exactly our tables and columns.
    const ours = userTables(ctx.db);
    if ([...ours].sort().join('\n') !== userTables(restored).sort().join('\n')) throw damaged('tables differ');
    for (const t of ours)
      if (columnsOf(ctx.db, t).join('\n') !== columnsOf(restored, t).join('\n')) throw damaged(`columns of ${t} differ`);
    if (!restored.prepare('SELECT 1 FROM site').get()) throw new AppError('exchange.not_a_backup', 'the backup holds no hub');
    let site;
    try {
      site = readSite({ ...ctx, db: restored });
    } catch (err) {
      throw damaged(`site: ${(err as Error).message}`);
    }
    if (site?.id !== header.site.id) throw damaged('the header names another hub');
    if ((restored.pragma('foreign_key_check') as unknown[]).length > 0) throw damaged('foreign keys');
    return restored;
  } catch (err) {
    restored.close();
    throw err;
  }
}

/**
 * Restores a backup into a new, empty install. It is read, checked (header, then GCM tag, then
 * the database inside) and only then copied in, in one transaction that also checks the install
 * is still empty: any failure leaves the install exactly as it was.
 */
export async function restoreBackup(ctx: CoreContext, folder: string, name: string, passphrase: string): Promise<SiteStatus> {
  // First, so that before setup no one learns from the error which folders or files exist.
  requireEmpty(ctx.db);
  safeFileName(name);
  requireFolder(folder);
  const bytes = await readBackupFile(join(folder, name), name);
  const { header, headerLine, body } = splitBackup(bytes);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, header.salt), header.iv);
  decipher.setAAD(Buffer.from(headerLine));
  decipher.setAuthTag(body.subarray(body.length - TAG));
  const parts = await crypt(decipher, body.subarray(0, body.length - TAG));
  try {
    parts.push(decipher.final());
  } catch {
    for (const p of parts) p.fill(0);
    throw new AppError('exchange.bad_passphrase', 'wrong passphrase, or the backup is damaged');
  }
  const plain = Buffer.concat(parts);
  for (const p of parts) p.fill(0);
  let image: Buffer;
  if (header.version === 1) image = plain;
  else {
    try {
      image = await gunzipAsync(plain, { maxOutputLength: MAX_IMAGE_BYTES });
    } catch (err) {
      throw damaged(`gzip: ${(err as Error).message}`);
    } finally {
      plain.fill(0);
    }
  }
  const restored = openImage(ctx, image, header);
  try {
    return copyInto(ctx, restored);
  } finally {
    restored.close();
    image.fill(0);
  }
}

/** A locked or failing disk is the kiosk's problem, not the backup's: those keep their own error. */
const isDiskError = (err: unknown) =>
  /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM)/.test(String((err as { code?: unknown }).code ?? ''));

function copyInto(ctx: CoreContext, restored: Db): SiteStatus {
  const db = ctx.db;
  // Foreign keys are checked once at the end, not row by row in whatever order tables come
  // (the pragma cannot change inside a transaction).
  db.pragma('foreign_keys = OFF');
  try {
    return db
      .transaction(() => {
        // Here, under the write lock: of two restores racing into one install, one wins.
        requireEmpty(db);
        // Tables kept up to date by triggers (item_stock from on_hand, reservations from
        // slip_lines) come after their sources, so the backup's own copy of a derived table,
        // cleared and copied last, is what stays.
        for (const table of userTables(db)) {
          if (FILE_STATE_TABLES.has(table)) continue;
          const cols = columnsOf(db, table);
          const list = cols.map((c) => `"${c}"`).join(', ');
          // Only migration defaults can be here (checked just above): the backup's rows replace them.
          db.exec(`DELETE FROM main."${table}"`);
          const insert = db.prepare(`INSERT INTO main."${table}" (${list}) VALUES (${cols.map(() => '?').join(', ')})`);
          for (const row of restored.prepare(`SELECT ${list} FROM "${table}"`).raw().safeIntegers().iterate()) insert.run(row as unknown[]);
        }
        if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw damaged('foreign keys');
        // Inside the transaction: a site this kiosk cannot read rolls everything back.
        return siteStatus(ctx);
      })
      .immediate();
  } catch (err) {
    // Anything else (a constraint, a type, a value this version cannot parse) is the backup's
    // content, and the transaction has already rolled it back.
    if (err instanceof AppError || isDiskError(err)) throw err;
    throw damaged((err as Error).message);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** What older versions (which wrote plaintext snapshots next to the database) may have left after a crash. */
const LEFTOVER = /^\.(backup|restore)-[^/\\]+\.(sqlite(-wal|-shm|-journal)?|makbackup)$/;

/**
 * Removes plaintext snapshots a killed backup or restore of an older version left in the data
 * folder: they hold visitors' names that contact retention never reaches. Run at start-up.
 */
export function removeBackupLeftovers(dataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!LEFTOVER.test(name)) continue;
    try {
      unlinkSync(join(dataDir, name));
    } catch {
      // Gone already, or not ours to remove; tried again at the next start.
    }
  }
}
