import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Why a file from outside (a stick, a typed folder) was not read. */
export type UnreadableReason = 'missing' | 'not_a_file' | 'too_large';

export class UnreadableFile extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

// Windows has no FIFOs of this kind and no O_NONBLOCK; there the stat check is all there is.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Reads a whole file from outside, without ever waiting on it: only a regular file (a FIFO, a
 * device or a folder is refused before anything is read), at most `maxBytes`, and all of it
 * through the async fs API so the thread that answers the kiosk never stops.
 *
 * It is opened with O_NONBLOCK so that even a file swapped for a FIFO after the stat cannot
 * hold the open (a FIFO opened for reading that way returns at once), then checked again with
 * fstat on the very handle that is read.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new UnreadableFile('missing', `no file at ${path}`);
  }
  if (!st.isFile()) throw new UnreadableFile('not_a_file', `${path} is not a regular file`);
  if (st.size > maxBytes) throw new UnreadableFile('too_large', `${path} has ${st.size} bytes, more than ${maxBytes}`);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NONBLOCK);
  } catch {
    throw new UnreadableFile('missing', `cannot open ${path}`);
  }
  try {
    const fst = await handle.stat();
    if (!fst.isFile()) throw new UnreadableFile('not_a_file', `${path} is not a regular file`);
    if (fst.size > maxBytes) throw new UnreadableFile('too_large', `${path} has ${fst.size} bytes, more than ${maxBytes}`);
    // Read at most one byte past the cap: a file that grows while we read is caught too.
    const buf = Buffer.alloc(Math.min(fst.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > maxBytes) throw new UnreadableFile('too_large', `${path} grew past ${maxBytes} bytes`);
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}
