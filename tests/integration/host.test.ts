import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startHost, TOKEN_HEADER, type Host } from '../../src/host/server';
import { makeCore, type TestCore } from '../support/core';

/** A raw HTTP call, so tests can send the Host and Origin headers a browser would not let them. */
function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', fail);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser-mode host', () => {
  let t: TestCore;
  let host: Host;
  const token = 'a'.repeat(64);
  let api: (channel: string, input: unknown, headers?: Record<string, string>) => ReturnType<typeof raw>;

  beforeAll(async () => {
    t = makeCore();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta name="kiosk-token" content="" /></head></html>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
    host = await startHost({ dispatch: t.core.dispatch, rendererDir, token });
    api = (channel, input, headers = {}) =>
      raw(host.port, `/api/${channel}`, {
        method: 'POST',
        headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token, ...headers },
        body: JSON.stringify({ input }),
      });
  });
  afterAll(async () => {
    await host.close();
    t.dispose();
  });

  it('listens on loopback only', () => {
    const address = host.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers a contract call with the token', async () => {
    const res = await api('site.status', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { setUp: false } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await api('site.status', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api('site.status', {}, { [TOKEN_HEADER]: 'b'.repeat(64) })).status).toBe(401);
  });

  it('refuses a foreign Origin', async () => {
    expect((await api('site.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('site.status', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding), on pages and API alike', async () => {
    expect((await api('site.status', {}, { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await raw(host.port, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('serves index.html with the launch token and a strict CSP', async () => {
    const res = await raw(host.port, '/', { headers: { host: `localhost:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`content="${token}"`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('does not serve files outside the renderer folder', async () => {
    const h = { host: `127.0.0.1:${host.port}` };
    expect((await raw(host.port, '/assets/app.js', { headers: h })).status).toBe(200);
    expect((await raw(host.port, '/../secret.txt', { headers: h })).status).toBe(404);
    expect((await raw(host.port, '/%2e%2e/secret.txt', { headers: h })).status).toBe(404);
    expect((await raw(host.port, '/assets/%2e%2e/%2e%2e/secret.txt', { headers: h })).status).toBe(404);
  });

  it('turns malformed bodies into typed errors, not crashes', async () => {
    const res = await raw(host.port, '/api/site.setup', {
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: '{not json',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
    expect((await api('nope.nope', {})).body).toContain('api.unknown_channel');
  });

  it('refuses non-JSON bodies', async () => {
    const headers = { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: token };
    expect(
      (await raw(host.port, '/api/site.status', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' }))
        .status,
    ).toBe(415);
  });

  it('answers a 50 MB body with a readable 413 and a JSON error, not a reset', async () => {
    const res = await bigPost(host.port, 50 << 20, {
      host: `127.0.0.1:${host.port}`,
      'content-type': 'application/json',
      [TOKEN_HEADER]: token,
    });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'api.too_large' } });
    // The host is still there for the next call.
    expect((await api('site.status', {})).status).toBe(200);
  });

  it('answers a body that grows past the limit without saying its length with 413 too', async () => {
    const res = await bigPost(
      host.port,
      3 << 20,
      { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token },
      true,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'api.too_large' } });
  });

  it('answers a malformed % escape in a path with 400, not 500', async () => {
    const h = { host: `127.0.0.1:${host.port}` };
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%']) {
      expect((await raw(host.port, path, { headers: h })).status, path).toBe(400);
    }
  });
});

/**
 * POSTs `size` bytes of a JSON string as a real client would: in chunks, minding backpressure,
 * declaring the length (or chunked when `chunked`). Resolves with the answer, or rejects with
 * the socket error (ECONNRESET, EPIPE) a careless server causes.
 */
function bigPost(port: number, size: number, headers: Record<string, string>, chunked = false) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/site.setup',
        method: 'POST',
        headers: chunked ? headers : { ...headers, 'content-length': String(size) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    const chunk = Buffer.alloc(64 << 10, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
