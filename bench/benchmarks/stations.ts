import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { IncomingMessage } from 'node:http';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';
import { StationSupervisor } from '../../src/host/stations';
import { StationClient } from '../../src/host/station-client';
import { toPem } from '../../src/core/stations/certificate';
import type { DeviceAnswer, DeviceCall, DeviceMessage } from './station-devices';

// Stations listen on another loopback address: the benchmark never leaves this machine.
const LAN = '127.0.0.2';
const STATIONS = 20;
// The scale generator's item ids (bench/scale-data.ts): item-00000, item-00007, item-00014.
const LINES = [0, 1, 2].map((n) => ({ itemId: `item-${String(n * 7).padStart(5, '0')}`, qty: 1 }));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * q))] ?? Number.NaN;
}

async function hub(ctx: BenchContext) {
  const { core } = ctx.site;
  const rendererDir = join(ctx.dir, 'stations-renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html></html>');
  core.services.stations.configure({ enabled: true, address: LAN, port: 47_443 });
  const supervisor = new StationSupervisor({
    dispatch: core.dispatch,
    stations: core.services.stations,
    events: core.events,
    rendererDir,
    port: 0,
  });
  await supervisor.reconcile();
  const host = supervisor.current!;
  const fingerprint = core.services.stations.status().fingerprint!;
  const clients: StationClient[] = [];
  const credentials: string[] = [];
  for (let k = 0; k < STATIONS; k += 1) {
    const { credential } = core.services.stations.pair(
      core.services.stations.invite(`Station ${k}`, k % 3 === 0 ? 'intake' : 'pickup').code,
    );
    credentials.push(credential);
    clients.push(new StationClient({ address: LAN, port: host.port, fingerprint, credential }));
  }
  const login = await core.dispatch('auth.login', { input: { pin: '1234' } });
  const session = login.ok ? (login.value as { token: string }).token : null;
  // A delivery before opening: the visits ask for these items and the pickup tables give them,
  // so every intake issues a slip and every redemption takes stock (a refusal writes nothing).
  // What visitors ask for at the kiosks: three items the kiosk offers (the pool's may be archived).
  const needs = core.services.intake
    .catalog('en')
    .slice(0, 3)
    .map((i) => ({ itemId: i.id, qty: 1 }));
  for (const { itemId } of [...LINES, ...needs]) {
    const r = await core.dispatch('inventory.receive', {
      input: { requestId: randomUUID(), itemId, qty: 10_000, source: 'food_bank' },
      session,
    });
    if (!r.ok) throw new Error(`stations: the delivery was refused (${r.error.code})`);
  }
  return { supervisor, host, clients, credentials, session, fingerprint, needs };
}

function issuePool(ctx: BenchContext, n: number): { id: string; shortCode: string }[] {
  const { core } = ctx.site;
  const out: { id: string; shortCode: string }[] = [];
  // A real visit of the seeded hub: slips reference their visit and household.
  const visit = core.ctx.db.prepare('SELECT id, household_id FROM visits LIMIT 1').get() as { id: string; household_id: string };
  for (let i = 0; i < n; i += 1) {
    const id = core.ctx.db
      .transaction(() => core.services.slips.issue({ visitId: visit.id, householdId: visit.household_id, language: 'en', lines: LINES }))
      .immediate();
    const row = core.ctx.db.prepare('SELECT short_code FROM slips WHERE id = ?').get(id) as { short_code: string };
    out.push({ id, shortCode: row.short_code });
  }
  return out;
}

/** A bare TLS server answering a fixed JSON: the floor for 20 concurrent calls over TLS. */
async function bareTls(ctx: BenchContext): Promise<{ server: Server; port: number }> {
  const cfg = ctx.site.core.services.stations.listener()!;
  const server = createServer(
    { cert: toPem(cfg.certificate.cert, 'CERTIFICATE'), key: toPem(cfg.certificate.key, 'PRIVATE KEY') },
    (req, res) => {
      req.resume();
      req.on('end', () => res.end('{"ok":true,"value":{}}'));
    },
  );
  await new Promise<void>((r) => server.listen(0, LAN, r));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * stations.load: 20 stations over TLS at once, each doing intake, lookup or redemption (a round
 * is one action per station). Per action p95 must stay under 50 ms; no write may be lost and
 * no slip redeemed twice, even when two tables scan the same slip in the same round. The
 * stations run on a thread of their own (station-devices.ts): they are other devices, and the
 * hub's thread does only the hub's work; each action is timed as the station waits for it.
 */
export function stationsLoad(ctx: BenchContext): Benchmark {
  let h: Awaited<ReturnType<typeof hub>>;
  let bare: { server: Server; port: number };
  let devices: Worker;
  let pool: { id: string; shortCode: string }[];
  let next = 0;
  const perAction: number[] = [];
  const submitted = new Set<string>();
  let redeemedOk = 0;
  let doubleRefused = 0;
  let redeemAttempts = 0;
  /** What each kind of action answered: the run is only honest if they did the work. */
  const answers = new Map<string, number>();
  const answered = (action: string, r: DeviceAnswer) => {
    const key = `${action} ${r.ok ? 'ok' : r.code!}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
  };
  const round = (group: 0 | 1, calls: DeviceCall[]) =>
    new Promise<DeviceAnswer[]>((done) => {
      devices.once('message', done);
      devices.postMessage({ type: 'round', group, calls } satisfies DeviceMessage);
    });
  return {
    name: 'stations.load',
    n: 40,
    async setup() {
      h = await hub(ctx);
      pool = issuePool(ctx, 2000);
      bare = await bareTls(ctx);
      // The worker loads TypeScript as the bench does (tsx), then the stations' module.
      const module = JSON.stringify(new URL('./station-devices.ts', import.meta.url).href);
      devices = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); });`, {
        eval: true,
        workerData: {
          groups: [
            h.credentials.map((credential) => ({ address: LAN, port: h.host.port, fingerprint: h.fingerprint, credential })),
            h.credentials.map(() => ({ address: LAN, port: bare.port, fingerprint: h.fingerprint })),
          ],
        },
      });
    },
    async run(i) {
      const kinds: ('intake' | 'lookup' | 'redeem')[] = [];
      const calls: DeviceCall[] = h.credentials.map((_, k) => {
        if (k % 3 === 0) {
          kinds.push('intake');
          const requestId = randomUUID();
          return {
            channel: 'intake.submit',
            input: { requestId, language: 'en', household: { adults: 1 }, needs: h.needs },
            session: null,
            requestId,
          };
        }
        if (k % 3 === 1) {
          kinds.push('lookup');
          return { channel: 'slip.lookup', input: { code: pool[(i * 7 + k) % pool.length]!.shortCode }, session: h.session };
        }
        kinds.push('redeem');
        // Every other round two tables scan the same slip.
        const slip = pool[k === 2 && i % 2 === 0 ? next - 1 : next++] ?? pool[0]!;
        if (k === 2 && i % 2 === 0 && next === 0) next = 1;
        redeemAttempts += 1;
        return { channel: 'slip.redeem', input: { slipId: slip.id, table: `T${k}` }, session: h.session, requestId: randomUUID() };
      });
      const results = await round(0, calls);
      results.forEach((r, k) => {
        const kind = kinds[k]!;
        answered(kind, r);
        if (kind === 'intake' && r.ok && r.id) submitted.add(r.id);
        if (kind === 'redeem') {
          if (r.ok) redeemedOk += 1;
          else if (r.code === 'slip.already_redeemed') doubleRefused += 1;
        }
        perAction.push(r.ms);
      });
    },
    async raw() {
      await round(
        1,
        h.credentials.map(() => ({ channel: 'x', input: {}, session: null })),
      );
    },
    async teardown() {
      const { db } = ctx.site.core.ctx;
      const stored =
        submitted.size === 0
          ? 0
          : (
              db.prepare(`SELECT COUNT(*) AS n FROM slips WHERE id IN (${[...submitted].map(() => '?').join(',')})`).get(...submitted) as {
                n: number;
              }
            ).n;
      const redemptions = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM redemptions WHERE slip_id IN (${pool.map(() => '?').join(',')})`)
          .get(...pool.map((p) => p.id)) as { n: number }
      ).n;
      const lost = submitted.size - stored;
      const doubles = redeemedOk - redemptions;
      const p95 = quantile(perAction, 0.95);
      console.log(
        `stations.load: ${perAction.length} actions by ${STATIONS} stations; per action p50 ${quantile(perAction, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ` +
          `lost writes ${lost}; double redemptions ${doubles}; second scans refused ${doubleRefused} of ${redeemAttempts} redemption attempts`,
      );
      console.log(`stations.load answers: ${[...answers].map(([k, n]) => `${k} ${n}`).join(', ')}`);
      await new Promise<void>((done) => {
        devices.once('exit', () => done());
        devices.postMessage({ type: 'close' } satisfies DeviceMessage);
      });
      for (const c of h.clients) c.close();
      await h.supervisor.close();
      await new Promise<void>((r) => bare.server.close(() => r()));
      if (lost !== 0 || doubles !== 0) throw new Error(`stations.load: ${lost} lost writes, ${doubles} double redemptions`);
      // Only the deliberate second scans may be refused: anything else means the action did no work.
      const refused = [...answers].filter(([k]) => !k.endsWith(' ok') && k !== 'redeem slip.already_redeemed');
      if (refused.length) throw new Error(`stations.load: actions refused (${refused.map(([k, n]) => `${k} ${n}`).join(', ')})`);
      if (p95 >= 50) console.warn(`stations.load: p95 per action ${p95.toFixed(1)} ms is over the 50 ms budget`);
    },
  };
}

function openStream(address: string, port: number, credential: string | null, path = '/api/events'): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: address,
        port,
        path,
        rejectUnauthorized: false,
        headers: { host: `${address}:${port}`, ...(credential ? { 'x-station-credential': credential } : {}) },
      },
      (res) => {
        // A stream cut at teardown is expected, not a crash.
        res.on('error', () => undefined);
        done(res);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** stations.event: from a redemption to every one of 20 stations told over its event stream. */
export function stationsEvent(ctx: BenchContext): Benchmark {
  let h: Awaited<ReturnType<typeof hub>>;
  let streams: IncomingMessage[] = [];
  let pool: { id: string; shortCode: string }[];
  let bare: Server;
  let bareStreams: IncomingMessage[] = [];
  const bareSockets: import('node:http').ServerResponse[] = [];
  let waiters: (() => void)[] = [];
  const credentials: string[] = [];
  let used = 0;
  return {
    name: 'stations.event',
    n: 50,
    async setup() {
      h = await hub(ctx);
      pool = issuePool(ctx, 200);
      for (let k = 0; k < STATIONS; k += 1)
        credentials.push(
          ctx.site.core.services.stations.pair(ctx.site.core.services.stations.invite(`Screen ${k}`, 'screen').code).credential,
        );
      streams = await Promise.all(credentials.map((c) => openStream(LAN, h.host.port, c)));
      const cfg = ctx.site.core.services.stations.listener()!;
      bare = createServer(
        { cert: toPem(cfg.certificate.cert, 'CERTIFICATE'), key: toPem(cfg.certificate.key, 'PRIVATE KEY') },
        (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(': hi\n\n');
          bareSockets.push(res);
        },
      );
      await new Promise<void>((r) => bare.listen(0, LAN, r));
      bareStreams = await Promise.all(
        Array.from({ length: STATIONS }, () => openStream(LAN, (bare.address() as AddressInfo).port, null, '/')),
      );
      for (const s of [...streams, ...bareStreams]) {
        s.on('data', (c: Buffer) => {
          if (c.includes('slip.redeem') || c.includes('bare')) {
            const w = waiters;
            waiters = [];
            w.forEach((f) => f());
          }
        });
      }
    },
    async run() {
      const told = Promise.all(
        streams.map(
          (s) =>
            new Promise<void>((done) => {
              const on = (c: Buffer) => {
                if (c.includes('slip.redeem')) {
                  s.off('data', on);
                  done();
                }
              };
              s.on('data', on);
            }),
        ),
      );
      // A fresh slip each time: a second redemption of the same one is refused and tells no one.
      const r = await ctx.site.core.dispatch('slip.redeem', { input: { slipId: pool[used++]!.id }, session: h.session });
      if (!r.ok) throw new Error(`stations.event: redemption refused (${r.error.code})`);
      await told;
    },
    async raw() {
      const told = Promise.all(
        bareStreams.map(
          (s) =>
            new Promise<void>((done) => {
              const on = (c: Buffer) => {
                if (c.includes('bare')) {
                  s.off('data', on);
                  done();
                }
              };
              s.on('data', on);
            }),
        ),
      );
      for (const res of bareSockets) res.write('event: core\ndata: bare\n\n');
      await told;
    },
    async teardown() {
      for (const s of [...streams, ...bareStreams]) s.destroy();
      for (const c of h.clients) c.close();
      await h.supervisor.close();
      bare.closeAllConnections();
      await new Promise<void>((r) => bare.close(() => r()));
    },
  };
}
