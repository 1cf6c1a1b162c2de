import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/core/db/open';
import { startHost, TOKEN_HEADER, type Host } from '../../src/host/server';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

/** core.open: open + migrate check + quick_check of an existing large database. */
export function coreOpen(ctx: BenchContext): Benchmark {
  return {
    name: 'core.open',
    n: 10,
    setup() {},
    run() {
      openDatabase(ctx.site.file).close();
    },
    raw() {
      const db = new Database(ctx.site.file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('quick_check', { simple: true });
      db.pragma('user_version', { simple: true });
      db.close();
    },
    teardown() {},
  };
}

/** api.roundtrip: one small call (site.status) through the HTTP host vs a bare node:http + SQL. */
export function apiRoundtrip(ctx: BenchContext): Benchmark {
  let host: Host;
  let raw: Server;
  let rawDb: Database.Database;
  let rawUrl = '';
  const token = randomBytes(32).toString('hex');
  return {
    name: 'api.roundtrip',
    n: 500,
    async setup() {
      const rendererDir = join(ctx.dir, 'renderer');
      mkdirSync(rendererDir, { recursive: true });
      writeFileSync(join(rendererDir, 'index.html'), '<meta name="kiosk-token" content="" />');
      host = await startHost({ dispatch: ctx.site.core.dispatch, rendererDir, token });
      rawDb = new Database(ctx.site.file, { readonly: true });
      const stmt = rawDb.prepare('SELECT id, name, settings FROM site');
      raw = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          const row = stmt.get() as { id: string; name: string; settings: string };
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: true, value: { setUp: true, id: row.id, name: row.name, settings: JSON.parse(row.settings) } }));
        });
      });
      await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
      rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/api/site.status`;
    },
    async run() {
      const res = await fetch(`${host.url}api/site.status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: '{"input":{}}',
      });
      await res.json();
    },
    async raw() {
      const res = await fetch(rawUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' });
      await res.json();
    },
    async teardown() {
      await host.close();
      raw.closeAllConnections();
      await new Promise<void>((r) => raw.close(() => r()));
      rawDb.close();
    },
  };
}
