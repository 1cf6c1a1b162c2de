import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION } from '../../src/core/db/migrations/index';
import { tempDir } from '../support/fixed';

/** Runs the browser-mode host from source until it prints its address or exits. */
function runHost(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/cli.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KIOSK_DATA_DIR: '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Up and serving: that is all we wanted to know.
      if (/Kiosk \(browser mode\) at http:\/\/127\.0\.0\.1:\d+\//.test(out)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => done({ code, out, err }));
  });
}

describe('browser-mode host command', () => {
  let dir: ReturnType<typeof tempDir>;
  let rendererDir: string;
  beforeEach(() => {
    dir = tempDir();
    rendererDir = join(dir.path, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<meta name="kiosk-token" content="" />');
  });
  afterEach(() => dir.remove());

  it('starts on a new data folder, loads demo data, and serves on loopback', async () => {
    const data = join(dir.path, 'data');
    const run = await runHost(['--data-dir', data, '--demo', '--renderer-dir', rendererDir]);
    expect(run.out).toContain('Demo data loaded.');
    expect(run.out).toMatch(/at http:\/\/127\.0\.0\.1:\d+\//);
    const db = new Database(join(data, 'kiosk.sqlite'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBe(60);
    db.close();
  });

  it('opens its database in --data-dir, ahead of KIOSK_DATA_DIR', async () => {
    const data = join(dir.path, 'flag');
    const envDir = join(dir.path, 'env');
    const run = await runHost([`--data-dir=${data}`, '--renderer-dir', rendererDir], { KIOSK_DATA_DIR: envDir });
    expect(run.out).toContain(`data: ${data}`);
    expect(existsSync(join(data, 'kiosk.sqlite'))).toBe(true);
    expect(existsSync(envDir)).toBe(false);
  });

  it('says plainly what is wrong with its arguments, without a stack trace', async () => {
    for (const [args, message] of [
      [['--port', 'eighty'], /--port must be a whole number from 0 to 65535/],
      [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
      [['--data-dir'], /--data-dir needs a folder/],
      [['--data-dir', '--demo'], /--data-dir needs a folder/],
      [['--dta-dir', 'x'], /unknown option --dta-dir\. Known options: --data-dir, --demo/],
      [['--demo=yes'], /--demo takes no value/],
    ] as const) {
      const run = await runHost([...args, '--renderer-dir', rendererDir], { KIOSK_DATA_DIR: join(dir.path, 'unused') });
      expect(run.code, args.join(' ')).toBe(64);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir.path, 'unused'))).toBe(false);
  });

  it('says plainly when the database is damaged, and exits instead of crash-looping', async () => {
    const data = join(dir.path, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'kiosk.sqlite'), Buffer.alloc(4096, 7));
    const run = await runHost(['--data-dir', data, '--renderer-dir', rendererDir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Cannot open the site database/);
    expect(run.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a database from a newer kiosk with a clear message', async () => {
    const data = join(dir.path, 'data');
    mkdirSync(data);
    const db = new Database(join(data, 'kiosk.sqlite'));
    db.pragma(`user_version = ${LATEST_VERSION + 100}`);
    db.close();
    const run = await runHost(['--data-dir', data, '--renderer-dir', rendererDir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/update the app/);
  });

  it('says how to build when the screens are missing', async () => {
    const run = await runHost(['--data-dir', join(dir.path, 'data'), '--renderer-dir', join(dir.path, 'nowhere')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/npm run build/);
  });
});
