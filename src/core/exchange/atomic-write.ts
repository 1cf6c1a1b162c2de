import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import { AppError } from '../errors';
import type { DriveSource } from './drives';

/** Room we keep free beyond the file itself: filesystems need a little for their own records. */
export const SPACE_MARGIN = 64 * 1024;
const CHUNK = 1024 * 1024;

export type WriteSource = { buffer: Buffer } | { file: string };

export interface WriteHooks {
  /** Test hook: runs after each chunk is written (a stick pulled out mid-write). */
  afterChunk?(written: number): void;
}

function sourceSize(src: WriteSource): number {
  return 'buffer' in src ? src.buffer.length : statSync(src.file).size;
}

/** Only a plain name in the chosen folder: no separators, no "..", nothing hidden. */
export function safeFileName(name: string): string {
  if (name !== basename(name) || name.includes('/') || name.includes('\\') || name.startsWith('.') || name.includes('\0') || name.length > 255) {
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

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch (err) {
    // Windows cannot open a folder for fsync; there the rename itself is the commit point.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function failure(err: unknown, folder: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new AppError('exchange.disk_full', `the drive at ${folder} is full`, { folder });
  return new AppError('exchange.write_failed', `could not write to ${folder}: ${code ?? (err as Error).message}`, { folder });
}

/**
 * Writes a file so that a full disk, a pulled stick or a crash never leaves something that looks
 * like a finished bundle: room is checked first, the bytes go to a hidden ".part" name, are
 * fsynced, renamed into place, the folder is fsynced, and the file is read back and compared.
 */
export async function writeAtomic(drives: DriveSource, folder: string, fileName: string, src: WriteSource, hooks: WriteHooks = {}): Promise<WrittenFile> {
  safeFileName(fileName);
  requireFolder(folder);
  const size = sourceSize(src);
  const { freeBytes } = drives.space(folder);
  if (freeBytes < size + SPACE_MARGIN) {
    throw new AppError('exchange.nearly_full', `needs ${size} bytes, ${freeBytes} free`, { needMb: mb(size + SPACE_MARGIN), freeMb: mb(freeBytes) });
  }
  const finalPath = join(folder, fileName);
  const temp = join(folder, `.${fileName}.${process.pid}.part`);
  const expected = createHash('sha256');
  let fd: number | null = null;
  let renamed = false;
  try {
    fd = openSync(temp, 'wx');
    let written = 0;
    if ('buffer' in src) {
      for (let off = 0; off < src.buffer.length; off += CHUNK) {
        const chunk = src.buffer.subarray(off, off + CHUNK);
        writeAll(fd, chunk);
        expected.update(chunk);
        written += chunk.length;
        hooks.afterChunk?.(written);
      }
    } else {
      const inFd = openSync(src.file, 'r');
      try {
        const buf = Buffer.alloc(CHUNK);
        for (;;) {
          const n = readSync(inFd, buf, 0, CHUNK, null);
          if (n === 0) break;
          const chunk = buf.subarray(0, n);
          writeAll(fd, chunk);
          expected.update(chunk);
          written += n;
          hooks.afterChunk?.(written);
        }
      } finally {
        closeSync(inFd);
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, finalPath);
    renamed = true;
    fsyncFolder(folder);
    const want = expected.digest('hex');
    const got = await sha256OfFile(finalPath);
    if (got !== want) throw new AppError('exchange.verify_failed', `read back ${got}, wrote ${want}`, { folder });
    return { fileName, path: finalPath, bytes: size, sha256: want, verified: true };
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already gone with the stick
      }
    }
    removeQuietly(temp);
    if (renamed) removeQuietly(finalPath);
    throw failure(err, folder);
  }
}

function writeAll(fd: number, chunk: Buffer): void {
  let off = 0;
  while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
}

function removeQuietly(path: string): void {
  try {
    if (existsSync(path)) unlinkSync(path);
  } catch {
    // Nothing more we can do on a vanished drive; the hidden .part name never looks finished.
  }
}

const mb = (bytes: number) => Math.max(1, Math.ceil(bytes / (1024 * 1024)));
