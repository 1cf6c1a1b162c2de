import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { kioskWindowFrame } from '../../src/main/window-options';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security/csp';
import { tempDir } from '../support/fixed';

// Where no Electron binary exists (here), the built main process still runs: under Node, with
// 'electron' swapped for a recording stub (tests/support/electron-stub). This checks the
// wiring the unit tests cannot: that the shell really uses the tested pieces, in the right order.
const MAIN = 'out/main/index.js';

interface Report {
  calls: { name: string; detail: unknown }[];
  ipc: Record<string, unknown>;
  protocol: Record<string, { status: number; csp: string | null; type: string | null }>;
  /** What app:// tells the page about being a station. */
  station: { page: boolean; whoami: number };
  permissions: Record<string, boolean>;
  requests: Record<string, boolean>;
  window: Record<string, unknown>;
  quitAfterRefusal: boolean;
  quitAfterPin: boolean;
}

interface Run {
  report: Report;
  status: number | null;
  stderr: string;
}

/** Runs the built main process under the stub with these arguments and environment. */
function spawnMain(args: string[], env: Record<string, string>): Run {
  const run = spawnSync(process.execPath, ['--import', './tests/support/electron-stub/register.mjs', MAIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, KIOSK_DATA_DIR: '', ELECTRON_RENDERER_URL: '', ...env },
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('ELECTRON-STUB-REPORT '));
  if (!line) throw new Error(`main did not report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { report: JSON.parse(line.slice('ELECTRON-STUB-REPORT '.length)) as Report, status: run.status, stderr: run.stderr };
}

function runMain(): Report {
  const dir = tempDir('kiosk-main-');
  try {
    return spawnMain(['--demo'], { KIOSK_DATA_DIR: dir.path }).report;
  } finally {
    dir.remove();
  }
}

describe.skipIf(!existsSync(MAIN))('the built Electron main process, under a recording stub', () => {
  let report: Report;
  let names: string[];
  beforeAll(() => {
    report = runMain();
    names = report.calls.map((c) => c.name);
  });
  const detail = (name: string) => report.calls.find((c) => c.name === name)?.detail;

  it('registers app:// as privileged before any window, sandboxes everything, removes the menu', () => {
    expect(detail('registerSchemesAsPrivileged')).toEqual({
      schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
      beforeReady: true,
    });
    expect(names).toContain('enableSandbox');
    expect(detail('setApplicationMenu')).toBeNull();
    expect(detail('protocol.handle')).toBe('app');
    expect(detail('ipcMain.handle')).toBe('api');
    expect(detail('setSpellCheckerEnabled')).toBe(false);
    expect(names.indexOf('registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('BrowserWindow'));
  });

  it('builds its locked-down window and loads app://kiosk/index.html', () => {
    const preload = detail('registerPreloadScript') as { type: string; filePath: string };
    expect(preload).toMatchObject({ type: 'frame', filePath: expect.stringMatching(/out\/preload\/index\.cjs$/) as unknown });
    expect(names.indexOf('registerPreloadScript')).toBeLessThan(names.indexOf('BrowserWindow'));
    expect(detail('BrowserWindow')).toEqual({
      ...kioskWindowFrame({ kiosk: true }),
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: false,
        disableDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        safeDialogs: true,
        enableWebSQL: false,
        zoomFactor: 1,
      },
    });
    expect(detail('loadURL')).toBe('app://kiosk/index.html');
    expect(detail('setVisualZoomLevelLimits')).toEqual([1, 1]);
  });

  it('answers only its own main frame over IPC, through core', () => {
    expect(report.ipc.status).toMatchObject({ ok: true, value: { setUp: true, name: 'Eastside Community Hub' } });
    expect(report.ipc.evil).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(report.ipc.subframe).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('serves the built renderer over app:// with the CSP, and nothing outside it', () => {
    expect(report.protocol['app://kiosk/index.html']).toEqual({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      type: 'text/html; charset=utf-8',
    });
    for (const url of ['app://kiosk/../../../etc/passwd', 'app://kiosk/%2e%2e%2fpackage.json', 'app://kiosk/main/index.js']) {
      expect(report.protocol[url]?.status, url).toBe(404);
    }
  });

  it('grants the camera only, and cancels requests to the network', () => {
    expect(report.permissions).toEqual({ camera: true, microphone: false, geolocation: false });
    expect(report.requests).toEqual({ 'app://kiosk/assets/x.js': false, 'https://example.com/': true });
  });

  it('swallows keyboard escapes, navigation, new windows and closing in kiosk mode', () => {
    expect(report.window).toMatchObject({
      'key F5 blocked': true,
      'key Ctrl+Shift+I blocked': true,
      'key digit 7 blocked': false,
      navigationBlocked: true,
      newWindow: { action: 'deny' },
      closeBlocked: true,
    });
  });

  it('prints through core and the shell port: silently, at the paper, to the chosen printer', () => {
    expect(report.ipc.printToNamed).toEqual({ ok: true, value: { via: 'shell', printed: true } });
    // No printer answers: the renderer hears printed=false and keeps the code on screen.
    expect(report.ipc.printToMissing).toEqual({ ok: true, value: { via: 'shell', printed: false } });
    expect(report.ipc.printBadName).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    const prints = report.calls.filter((c) => c.name === 'print').map((c) => c.detail);
    expect(prints).toEqual([
      {
        silent: true,
        printBackground: true,
        deviceName: 'thermal-80',
        pageSize: { width: 58000, height: 120000 },
        margins: { marginType: 'none' },
        scaleFactor: 100,
      },
      {
        silent: true,
        printBackground: true,
        pageSize: { width: 58000, height: 120000 },
        margins: { marginType: 'none' },
        scaleFactor: 100,
      },
    ]);
    expect(report.ipc.printers).toEqual({ ok: true, value: [{ name: 'thermal-80', displayName: 'Thermal 80', isDefault: true }] });
  });

  it('quits only after core allowed shell.quit for a coordinator', () => {
    expect(report.ipc.quitWithoutPin).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(report.quitAfterRefusal).toBe(false);
    expect(report.ipc.coordinatorLogin).toBe(true);
    expect(report.ipc.quitWithPin).toEqual({ ok: true, value: {} });
    expect(report.quitAfterPin).toBe(true);
    expect(report.window.closeBlockedAfterQuit).toBe(false);
  });
});

describe.skipIf(!existsSync(MAIN))('the built Electron main process starts where it is told', () => {
  it('opens its database in --data-dir, ahead of KIOSK_DATA_DIR, and loads the demo there', () => {
    const flag = tempDir('kiosk-main-flag-');
    const env = tempDir('kiosk-main-env-');
    try {
      const { report } = spawnMain(['--data-dir', flag.path, '--demo'], { KIOSK_DATA_DIR: env.path });
      expect(report.ipc.status).toMatchObject({ ok: true, value: { setUp: true } });
      // A hub's own window is no station's: no pairing there.
      expect(report.station).toEqual({ page: false, whoami: 404 });
      expect(existsSync(join(flag.path, 'kiosk.sqlite'))).toBe(true);
      expect(existsSync(join(env.path, 'kiosk.sqlite'))).toBe(false);
      const db = new Database(join(flag.path, 'kiosk.sqlite'), { readonly: true });
      expect((db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBe(60);
      db.close();
    } finally {
      flag.remove();
      env.remove();
    }
  });

  it("started as a station, opens no database and carries the window's calls to the hub of the link", () => {
    const dir = tempDir('kiosk-main-station-');
    try {
      // A hub address where nothing listens: the call is carried there, and the hub does not answer.
      const link = `kiosk-station:127.0.0.3:9/ABCD2345/${'AB'.repeat(32)}`;
      const { report } = spawnMain(['--data-dir', dir.path, '--station', link], {});
      expect(existsSync(join(dir.path, 'kiosk.sqlite'))).toBe(false);
      expect(JSON.parse(readFileSync(join(dir.path, 'station.json'), 'utf8'))).toMatchObject({
        hub: { address: '127.0.0.3', port: 9 },
        credential: null,
      });
      // Not paired: refused without a word sent, as the hub would refuse it.
      expect(report.ipc.status).toMatchObject({ ok: false, error: { code: 'stations.revoked' } });
      // Its page is told it is a station's, and asks app:// whether it is paired: not yet.
      expect(report.station).toEqual({ page: true, whoami: 401 });
      // The same locked-down window as a hub's.
      expect(report.calls.some((c) => c.name === 'BrowserWindow')).toBe(true);
      // A hub's folder is never turned into a station's.
      const hub = tempDir('kiosk-main-hub-');
      try {
        writeFileSync(join(hub.path, 'kiosk.sqlite'), '');
        const refused = spawnMain(['--data-dir', hub.path, '--station', link], {});
        expect(refused.report.calls.find((c) => c.name === 'exit')?.detail).toBe(64);
        expect(refused.stderr).toMatch(/holds a hub's site database/);
      } finally {
        hub.remove();
      }
    } finally {
      dir.remove();
    }
  });

  it('says plainly what is wrong with its arguments and exits before opening anything', () => {
    const dir = tempDir('kiosk-main-bad-');
    try {
      const { report, stderr } = spawnMain(['--data-dir='], { KIOSK_DATA_DIR: dir.path });
      expect(report.calls.find((c) => c.name === 'exit')?.detail).toBe(64);
      expect(stderr).toMatch(/--data-dir needs a folder/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(report.calls.some((c) => c.name === 'BrowserWindow')).toBe(false);
      expect(existsSync(join(dir.path, 'kiosk.sqlite'))).toBe(false);
    } finally {
      dir.remove();
    }
  });
});
