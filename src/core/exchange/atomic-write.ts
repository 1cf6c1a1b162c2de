import { statSync } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { AppError } from '../errors';
import type { DriveSource } from './drives';

/** Room we keep free beyond the file itself: filesystems need a little for their own records. */
export const SPACE_MARGIN = 64 * 1024;
const CHUNK = 1024 * 1024;

export type WriteSource = { buffer: Buffer } | { file: string };

export interface WriteHooks {
  /** Test hook: runs after each chunk is written (a stick pulled out mid-write); a promise it returns holds the write there (a slow stick). */
  afterChunk?(written: number): void | Promise<void>;
  /** Test hook: runs once the file has its final name, before it is read back (another kiosk, or a stick that garbles it). */
  afterRename?(path: string): void | Promise<void>;
}

async function sourceSize(src: WriteSource): Promise<number> {
  return 'buffer' in src ? src.buffer.length : (await stat(src.file)).size;
}

/** Only a plain name in the chosen folder: no separators, no "..", nothing hidden. */
export function safeFileName(name: string): string {
  if (
    name !== basename(name) ||
    name.includes('/') ||
    name.includes('\\') ||
    name.startsWith('.') ||
    name.includes('\0') ||
    name.length > 255
  ) {
    throw new AppError('exchange.bad_name', `not a plain file name: ${JSON.stringify(name)}`);
  }
  return name;
}

export function requireFolder(folder: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new AppError('exchange.folder_missing', `folder ${folder} is not there`, { folder });
}

/** Which file a path names right now: the same dev and inode is the same file, whatever its name. */
interface FileId {
  dev: number;
  ino: number;
}
const sameFile = (a: FileId | null, b: FileId | null) => a !== null && b !== null && a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;
/** Known to be two files (a filesystem that reports no inode numbers, 0, tells us nothing). */
const otherFile = (a: FileId, b: FileId) => a.ino !== 0 && b.ino !== 0 && (a.dev !== b.dev || a.ino !== b.ino);

async function idOf(path: string): Promise<FileId | null> {
  try {
    const st = await stat(path);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/** The bytes at `path` read back through one handle, and which file that handle had open. */
async function readBack(path: string): Promise<FileId & { sha256: string }> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
    }
    return { dev: st.dev, ino: st.ino, sha256: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}

async function fsyncFolder(folder: string): Promise<void> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(folder, 'r');
    await fh.sync();
  } catch (err) {
    // Windows cannot open a folder for fsync; there the rename itself is the commit point.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await fh?.close();
  }
}

function failure(err: unknown, folder: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG')
    return new AppError('exchange.disk_full', `the drive at ${folder} is full`, { folder });
  return new AppError('exchange.write_failed', `could not write to ${folder}: ${code ?? (err as Error).message}`, { folder });
}

/**
 * Writes to one file name, one at a time in this process: the space check, write, rename and
 * read-back of one export never interleave with another's of the same name. Keyed in lower case,
 * since sticks (FAT, exFAT) and Windows and macOS disks do not tell names apart by case.
 */
const targets = new Map<string, Promise<void>>();
async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const turn = (targets.get(key) ?? Promise.resolve()).then(run);
  const tail = turn.then(
    () => undefined,
    () => undefined,
  );
  targets.set(key, tail);
  try {
    return await turn;
  } finally {
    if (targets.get(key) === tail) targets.delete(key);
  }
}

/**
 * Writes a file so that a full disk, a pulled stick or a crash never leaves something that looks
 * like a finished bundle: room is checked first, the bytes go to a hidden ".part" name of their
 * own (pid and random: a second kiosk writing the same name never shares it), are fsynced,
 * renamed into place, the folder is fsynced, and the file now at the final name is read back and
 * compared. All of it is asynchronous: a slow stick never holds up a scan at the pickup table.
 */
export async function writeAtomic(
  drives: DriveSource,
  folder: string,
  fileName: string,
  src: WriteSource,
  hooks: WriteHooks = {},
): Promise<WrittenFile> {
  safeFileName(fileName);
  requireFolder(folder);
  return oneAtATime(resolve(folder, fileName).toLowerCase(), () => writeNow(drives, folder, fileName, src, hooks));
}

async function writeNow(drives: DriveSource, folder: string, fileName: string, src: WriteSource, hooks: WriteHooks): Promise<WrittenFile> {
  const size = await sourceSize(src);
  requireRoom(drives, folder, size);
  const finalPath = join(folder, fileName);
  const temp = join(folder, `.${fileName}.${process.pid}-${randomBytes(6).toString('hex')}.part`);
  const expected = createHash('sha256');
  let out: FileHandle | null = null;
  let ours: FileId | null = null;
  let renamed = false;
  try {
    out = await open(temp, 'wx');
    const st = await out.stat();
    ours = { dev: st.dev, ino: st.ino };
    let written = 0;
    const put = async (fh: FileHandle, chunk: Buffer) => {
      await writeAll(fh, chunk);
      expected.update(chunk);
      written += chunk.length;
      await hooks.afterChunk?.(written);
    };
    if ('buffer' in src) {
      for (let off = 0; off < src.buffer.length; off += CHUNK) await put(out, src.buffer.subarray(off, off + CHUNK));
    } else {
      const input = await open(src.file, 'r');
      try {
        const buf = Buffer.alloc(CHUNK);
        for (;;) {
          const { bytesRead } = await input.read(buf, 0, CHUNK, null);
          if (bytesRead === 0) break;
          await put(out, buf.subarray(0, bytesRead));
        }
      } finally {
        await input.close();
      }
    }
    await out.sync();
    await out.close();
    out = null;
    await rename(temp, finalPath);
    renamed = true;
    await fsyncFolder(folder);
    await hooks.afterRename?.(finalPath);
    const want = expected.digest('hex');
    const back = await readBack(finalPath);
    if (back.sha256 !== want) {
      // Not the file we renamed there: another kiosk saved the same name meanwhile. Theirs stays.
      if (otherFile(back, ours))
        throw new AppError('exchange.write_clash', `${fileName} was replaced by another export before it was read back`, {
          name: fileName,
        });
      throw new AppError('exchange.verify_failed', `read back ${back.sha256}, wrote ${want}`, { folder });
    }
    // "Verified" names the file on the stick now: had it been replaced or removed while being read, say so.
    const now = await idOf(finalPath);
    if (!now) throw new AppError('exchange.write_failed', `${fileName} was gone right after it was read back`, { folder });
    if (otherFile(now, back))
      throw new AppError('exchange.write_clash', `${fileName} was replaced by another export while it was read back`, { name: fileName });
    return { fileName, path: finalPath, bytes: size, sha256: want, verified: true };
  } catch (err) {
    await out?.close().catch(() => {
      // already gone with the stick
    });
    await removeQuietly(temp);
    // Only the file this write put there: never another export's, which may be verified.
    if (renamed && sameFile(await idOf(finalPath), ours)) await removeQuietly(finalPath);
    throw failure(err, folder);
  }
}

async function writeAll(fh: FileHandle, chunk: Buffer): Promise<void> {
  let off = 0;
  while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // Already gone, or a vanished drive; the hidden .part name never looks finished.
  }
}

export const mb = (bytes: number) => Math.max(1, Math.ceil(bytes / (1024 * 1024)));

/**
 * "X MB needed, Y MB free" for a refusal: need rounded up, free rounded down, with as many
 * decimals as it takes for the two not to read alike (rounded to whole MB, 130 kB needed and
 * 20 kB free both read "1 MB", and the refusal looked like a bug). Numbers, not text: the
 * renderer writes them in the reader's digits.
 */
export function neededAndFree(needBytes: number, freeBytes: number): { needMb: number; freeMb: number } {
  let out = { needMb: 0, freeMb: 0 };
  for (let places = 0; places <= 3; places += 1) {
    const f = 10 ** places;
    out = { needMb: Math.ceil((needBytes / (1024 * 1024)) * f) / f, freeMb: Math.floor((freeBytes / (1024 * 1024)) * f) / f };
    if (out.needMb > out.freeMb && (out.freeMb > 0 || freeBytes === 0)) return out;
  }
  return out;
}

/**
 * The one rule for room on the stick: the file plus a margin for the folder entry and the
 * filesystem's own bookkeeping. A caller that knows the size early (a backup, before its slow key
 * derivation) checks it then; writeAtomic checks it again just before writing.
 */
export function requireRoom(drives: DriveSource, folder: string, size: number): void {
  const { freeBytes } = drives.space(folder);
  if (freeBytes < size + SPACE_MARGIN) {
    throw new AppError('exchange.nearly_full', `needs ${size} bytes, ${freeBytes} free`, neededAndFree(size + SPACE_MARGIN, freeBytes));
  }
}
