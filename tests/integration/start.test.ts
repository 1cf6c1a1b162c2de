import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectron } from '../../scripts/electron-binary.mjs';
import { tempDir } from '../support/fixed';

// `npm start` on a machine where Electron cannot be had: one plain sentence, then browser mode
// on the same database. (Where a binary exists, start launches Electron instead: not tested here.)
describe('npm start without an Electron binary', () => {
  it.skipIf(findElectron() !== null)(
    'says so in one sentence and serves browser mode',
    async () => {
      const dir = tempDir();
      try {
        const out = await new Promise<string>((done) => {
          // No DISPLAY: it prints the address instead of opening a window.
          const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
          const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', join(dir.path, 'data'), '--demo', '--windowed'], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let text = '';
          child.stdout.on('data', (d: Buffer) => {
            text += d.toString();
            if (/Open http:\/\/127\.0\.0\.1:\d+\/ in a browser/.test(text)) child.kill('SIGTERM');
          });
          child.on('exit', () => done(text));
        });
        expect(out).toContain('Electron is not available on this computer, so the kiosk starts in browser mode instead.');
        expect(out).toMatch(/Kiosk \(browser mode\) at http:\/\/127\.0\.0\.1:\d+\//);
        expect(out).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/ in a browser on this computer\./);
        // The same arguments reach browser mode (it reads them with the shell's parser).
        expect(out).toContain(`data: ${join(dir.path, 'data')}`);
        expect(existsSync(join(dir.path, 'data', 'kiosk.sqlite'))).toBe(true);
      } finally {
        dir.remove();
      }
    },
    120_000,
  );
});
