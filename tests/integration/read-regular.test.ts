import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile, type UnreadableReason } from '../../src/core/files/read-regular';
import { tempDir } from '../support/fixed';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function reason(path: string, max: number): Promise<UnreadableReason | 'read'> {
  try {
    await readRegularFile(path, max);
    return 'read';
  } catch (err) {
    return (err as { reason: UnreadableReason }).reason;
  }
}

describe('reading a file from outside', () => {
  it('reads a regular file whole, up to the cap and not a byte past it', async () => {
    const dir = tempDir('kiosk-read-');
    cleanup.push(() => dir.remove());
    writeFileSync(join(dir.path, 'card'), 'x'.repeat(100));
    expect((await readRegularFile(join(dir.path, 'card'), 100)).toString()).toBe('x'.repeat(100));
    expect(await reason(join(dir.path, 'card'), 99)).toBe('too_large');
    expect(await reason(join(dir.path, 'gone'), 100)).toBe('missing');
    mkdirSync(join(dir.path, 'folder'));
    expect(await reason(join(dir.path, 'folder'), 100)).toBe('not_a_file');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', async () => {
    const dir = tempDir('kiosk-read-');
    cleanup.push(() => dir.remove());
    execFileSync('mkfifo', [join(dir.path, 'fifo')]);
    expect(await reason(join(dir.path, 'fifo'), 100)).toBe('not_a_file');
  });
});
