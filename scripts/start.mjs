// `npm start [-- --demo] [-- --data-dir DIR] [-- --browser] [-- --windowed]`
// Builds the app, then runs the Electron kiosk. Where Electron cannot be had, it says so in one
// sentence and starts browser mode: the same core and screens, served on 127.0.0.1, in a
// Chromium window in kiosk mode if one is installed (else it prints the address to open).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectron, tryDownloadElectron } from './electron-binary.mjs';

const args = process.argv.slice(2);
const wantBrowser = args.includes('--browser');
const windowed = args.includes('--windowed');
// Everything but --browser goes to the app as given. Both hosts read it with one parser
// (src/core/boot.ts: --data-dir DIR, --demo, --windowed, --port N), so an option means the same
// in Electron and in browser mode, and a mistyped one is named rather than ignored.
const passArgs = args.filter((a) => a !== '--browser');

const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(1);
}

const electron = wantBrowser ? null : (findElectron() ?? tryDownloadElectron());
if (electron) {
  const child = spawn(electron, ['.', ...passArgs], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!wantBrowser) console.log('Electron is not available on this computer, so the kiosk starts in browser mode instead.');
  startBrowserMode();
}

function startBrowserMode() {
  const host = spawn(process.execPath, ['out/main/host.js', ...passArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  let opened = false;
  host.stdout.setEncoding('utf8');
  host.stdout.on('data', (text) => {
    process.stdout.write(text);
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text)?.[1];
    if (url && !opened) {
      opened = true;
      openWindow(url);
    }
  });
  host.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
}

function openWindow(url) {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!chromium || !hasDisplay) {
    console.log(`Open ${url} in a browser on this computer.`);
    return;
  }
  const profile = `${process.env.TMPDIR ?? '/tmp'}/mutual-aid-kiosk-browser`;
  // Chromium refuses to run as root with its sandbox; a real kiosk runs as its own user
  // (packaging/ docs), but a first try on a fresh machine is often root.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const win = spawn(
    chromium,
    [
      `--app=${url}`,
      ...(windowed ? [] : ['--kiosk']),
      ...(asRoot ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-translate',
      `--user-data-dir=${profile}`,
    ],
    { stdio: 'ignore', detached: false },
  );
  win.on('error', () => console.log(`Open ${url} in a browser on this computer.`));
}
