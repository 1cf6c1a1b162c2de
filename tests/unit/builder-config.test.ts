import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// Packaging cannot run here (electron-builder downloads Electron), so the configuration itself
// is checked: it parses, every file it names exists, the fuses are set, the targets are there.
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  linux: { target: string[]; executableName: string; icon: string };
  win: { target: string[]; icon: string };
  nsis: { include: string; perMachine: boolean };
  mac: { target: string[]; icon: string };
}

const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; build?: unknown; dependencies: Record<string, string> };

describe('electron-builder configuration', () => {
  it('is the only builder configuration (none hiding in package.json)', () => {
    expect(pkg.build).toBeUndefined();
    for (const other of [
      'electron-builder.yml',
      'electron-builder.yaml',
      'electron-builder.json5',
      'electron-builder.toml',
      'electron-builder.js',
    ]) {
      expect(existsSync(other), other).toBe(false);
    }
  });

  it("passes electron-builder's own schema validation", async () => {
    // Resolved through electron-builder itself, the same code `electron-builder` runs first.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, log: unknown): Promise<void>;
    };
    const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), fusez: {} }, new DebugLogger(false))).rejects.toThrow(/fusez/);
  });

  it('sets the fuses for packaged builds', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and .deb, NSIS and a macOS image', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target.length).toBeGreaterThan(0);
  });

  it('names only files that exist', () => {
    const referenced = [
      config.directories.buildResources,
      config.linux.icon,
      config.win.icon,
      config.mac.icon,
      config.nsis.include,
      ...config.extraResources.map((r) => r.from),
    ];
    for (const path of referenced) expect(existsSync(path), path).toBe(true);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      // PNG, at least 512 px square: what electron-builder turns into .ico/.icns.
      const png = readFileSync(icon);
      expect(png.subarray(1, 4).toString(), icon).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });

  it('packs the built app: main, preload and renderer, without the browser-mode server', () => {
    expect(pkg.main.startsWith('out/main/')).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', '!out/main/host.js', 'package.json']),
    );
    // The electron-vite build writes exactly the entry package.json points at.
    const vite = readFileSync('electron.vite.config.ts', 'utf8');
    expect(vite).toContain("index: resolve('src/main/index.ts')");
  });

  it('needs no native rebuild: better-sqlite3 ships N-API prebuilds for every target', () => {
    expect(config.npmRebuild).toBe(false);
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    const prebuilds = readdirSync(join('node_modules', 'better-sqlite3', 'prebuilds'));
    for (const target of ['linux-x64', 'linux-arm64', 'win32-x64', 'darwin-x64', 'darwin-arm64'])
      expect(prebuilds).toContain(`${target}.node`);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/prebuilds/*.node');
  });
});

describe('kiosk start-up files', () => {
  const unit = readFileSync('packaging/linux/mutual-aid-kiosk.service', 'utf8');
  const setting = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];

  it('runs the packaged app under cage as the dedicated kiosk user on tty7', () => {
    expect(setting('User')).toBe('kiosk');
    expect(setting('ExecStart')).toMatch(new RegExp(`^/usr/bin/cage -- /usr/bin/${config.linux.executableName}\\b`));
    // No -s: consoles cannot be switched while the kiosk runs.
    expect(setting('ExecStart')).not.toMatch(/cage -s/);
    expect(setting('PAMName')).toBe('cage');
    expect(setting('TTYPath')).toBe('/dev/tty7');
    expect(setting('Restart')).toBe('on-failure');
    expect(setting('WantedBy')).toBe('graphical.target');
  });

  it('ships every file the install script installs, and the script is executable', () => {
    const script = readFileSync('packaging/linux/install-kiosk.sh', 'utf8');
    for (const m of script.matchAll(/"\$HERE\/([^"]+)"/g)) expect(existsSync(join('packaging/linux', m[1] ?? '')), m[1]).toBe(true);
    expect(script).toMatch(/useradd .*kiosk/);
    expect(script).toContain('systemctl enable mutual-aid-kiosk.service');
    expect(statSync('packaging/linux/install-kiosk.sh').mode & 0o111).not.toBe(0);
  });

  it('starts the app at login on Windows, and removes that on uninstall', () => {
    const nsh = readFileSync(config.nsis.include, 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*WriteRegStr HKCU "Software\\Microsoft\\Windows\\CurrentVersion\\Run"/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegValue HKCU "Software\\Microsoft\\Windows\\CurrentVersion\\Run"/);
    expect(config.nsis.perMachine).toBe(false);
  });
});
