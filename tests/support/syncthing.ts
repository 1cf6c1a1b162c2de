import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The Syncthing binary CI installs with apt-get; null when this machine has none. */
export function syncthingBinary(): string | null {
  for (const p of [process.env.SYNCTHING_BIN, '/usr/bin/syncthing', '/usr/local/bin/syncthing']) if (p && existsSync(p)) return p;
  return null;
}

/** A free TCP port on loopback (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface LiveSyncthing {
  deviceId: string;
  url: string;
  apiKey: string;
  /** tcp://127.0.0.1:<port>: the only address other test instances dial it at. */
  address: string;
  stop(): Promise<void>;
}

const set = (xml: string, tag: string, value: string) => {
  const re = new RegExp(`<${tag}>[^<]*</${tag}>`);
  if (!re.test(xml)) throw new Error(`config.xml has no <${tag}>`);
  return xml.replace(re, `<${tag}>${value}</${tag}>`);
};

/**
 * A Syncthing on loopback that talks to nothing else: its config is written before its first
 * start with global and local discovery, relays, NAT traversal (and so STUN), usage and crash
 * reporting and upgrades all off, listening on 127.0.0.1 only. Devices are added later with
 * explicit loopback addresses.
 */
export async function startSyncthing(bin: string, home: string): Promise<LiveSyncthing> {
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STNORESTART: '1', HOME: home };
  const gen = spawnSync(bin, ['generate', '--home', home, '--no-default-folder', '--skip-port-probing'], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (gen.status !== 0) throw new Error(`syncthing generate failed: ${gen.stderr}`);
  const deviceId = /Device ID: (\S+)/.exec(`${gen.stdout}${gen.stderr}`)?.[1];
  if (!deviceId) throw new Error('syncthing generate printed no device id');
  const [listen, gui] = [await freePort(), await freePort()];
  const apiKey = randomBytes(16).toString('hex');
  const file = join(home, 'config.xml');
  let xml = readFileSync(file, 'utf8');
  xml = set(xml, 'listenAddress', `tcp://127.0.0.1:${listen}`);
  for (const [tag, v] of [
    ['globalAnnounceEnabled', 'false'],
    ['localAnnounceEnabled', 'false'],
    ['relaysEnabled', 'false'],
    ['natEnabled', 'false'],
    ['urAccepted', '-1'],
    ['crashReportingEnabled', 'false'],
    ['autoUpgradeIntervalH', '0'],
    ['startBrowser', 'false'],
    ['announceLANAddresses', 'false'],
    ['stunKeepaliveStartS', '0'],
    ['stunKeepaliveMinS', '0'],
    ['reconnectionIntervalS', '1'],
    ['globalAnnounceServer', ''],
    ['stunServer', ''],
  ] as const)
    xml = set(xml, tag, v);
  xml = xml
    .replace(/<address>127\.0\.0\.1:\d+<\/address>/, `<address>127.0.0.1:${gui}</address>`)
    .replace(/<apikey>[^<]*<\/apikey>/, `<apikey>${apiKey}</apikey>`);
  writeFileSync(file, xml);

  const child: ChildProcess = spawn(bin, ['serve', '--home', home, '--no-browser', '--no-restart', '--gui-address', `127.0.0.1:${gui}`], {
    env,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${gui}`;
  await waitFor(
    async () => {
      const r = await fetch(`${url}/rest/system/ping`, { headers: { 'X-API-Key': apiKey } }).catch(() => null);
      return r?.ok === true;
    },
    20_000,
    'syncthing REST to answer',
  );
  return {
    deviceId,
    url,
    apiKey,
    address: `tcp://127.0.0.1:${listen}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Checks `ok` every 100 ms until it holds, failing after `ms`: a bounded wait, never a bare sleep. */
export async function waitFor(ok: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await ok()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
