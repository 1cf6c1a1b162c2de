import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { BootError, EXIT_USAGE, parseKioskArgs, resolveDataDir } from '../../src/core/boot';

const refuse = { others: 'refuse' } as const;
const ignore = { others: 'ignore' } as const;

function failure(fn: () => unknown): BootError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BootError) return err;
    throw err;
  }
  throw new Error('expected a BootError');
}

describe('the kiosk command line (both hosts)', () => {
  it('reads every option in either spelling, with defaults', () => {
    expect(parseKioskArgs([], refuse)).toEqual({ demo: false, windowed: false, port: 0 });
    expect(
      parseKioskArgs(['--data-dir', '/srv/kiosk', '--demo', '--port', '8080', '--windowed', '--renderer-dir=out/renderer'], refuse),
    ).toEqual({
      dataDir: '/srv/kiosk',
      demo: true,
      windowed: true,
      port: 8080,
      rendererDir: resolve('out/renderer'),
    });
    expect(parseKioskArgs(['--data-dir=data'], refuse).dataDir).toBe(resolve('data'));
  });

  it('leaves Electron its app path and Chromium switches, but still checks its own options', () => {
    expect(parseKioskArgs(['.', '--no-sandbox', '--enable-logging', '--data-dir', '/d'], ignore)).toMatchObject({ dataDir: '/d' });
    expect(failure(() => parseKioskArgs(['.', '--no-sandbox', '--data-dir='], ignore)).message).toMatch(/^--data-dir needs a folder/);
  });

  it('refuses what browser mode does not know, and says which options it does', () => {
    for (const [args, message] of [
      [
        ['--dta-dir', 'x'],
        /^unknown option --dta-dir\. Known options: --data-dir, --demo, --windowed, --port, --renderer-dir, --station\.$/,
      ],
      [['-d', 'x'], /^unknown option -d\./],
      [['somewhere'], /^unexpected argument somewhere\./],
      [['--data-dir'], /^--data-dir needs a folder, as in --data-dir \/path\/to\/folder\./],
      [['--data-dir', '--demo'], /^--data-dir needs a folder/],
      [['--data-dir', '  '], /^--data-dir needs a folder/],
      [['--port'], /^--port needs a number/],
      [['--port', '-1'], /^--port must be a whole number from 0 to 65535/],
      [['--port', '65536'], /^--port must be a whole number from 0 to 65535/],
      [['--port', '80.5'], /^--port must be a whole number from 0 to 65535/],
      [['--demo=no'], /^--demo takes no value/],
    ] as const) {
      const err = failure(() => parseKioskArgs(args, refuse));
      expect(err.message, args.join(' ')).toMatch(message);
      expect(err.exitCode).toBe(EXIT_USAGE);
    }
  });

  it('finds the data folder in --data-dir, else KIOSK_DATA_DIR, else the host default', () => {
    const fallback = () => '/home/kiosk/.config/mutual-aid-kiosk';
    expect(resolveDataDir(parseKioskArgs(['--data-dir', '/flag'], refuse), { KIOSK_DATA_DIR: '/env' }, fallback)).toBe('/flag');
    expect(resolveDataDir(parseKioskArgs([], refuse), { KIOSK_DATA_DIR: '/env' }, fallback)).toBe('/env');
    expect(resolveDataDir(parseKioskArgs([], refuse), { KIOSK_DATA_DIR: '' }, fallback)).toBe(fallback());
    expect(resolveDataDir(parseKioskArgs([], refuse), { XDG_CONFIG_HOME: '/xdg' })).toMatch(/mutual-aid-kiosk$/);
  });
});
