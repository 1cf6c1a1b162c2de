import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kioskWindowFrame } from '../../src/main/window-options';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, parseCsp, pinEntryScript } from '../../src/shared/security/csp';
import { CONTENT_SECURITY_POLICY as HOST_CSP } from '../../src/host/security';
import { blockedInputReason, type KeyInput } from '../../src/main/input-filter';
import { isAllowedRequestUrl, isPermissionAllowed, isPermissionCheckAllowed } from '../../src/main/lockdown';
import { APP_INDEX_URL, APP_ORIGIN, createAppProtocolHandler, resolveAppFile } from '../../src/main/app-protocol';
import { createApiHandler } from '../../src/main/api-binding';
import type { ApiResult } from '../../src/shared/api/errors';
import { tempDir } from '../support/fixed';

describe('kiosk window frame', () => {
  it('fills the screen in kiosk mode with no menu bar and a fixed title', () => {
    expect(kioskWindowFrame({ kiosk: true })).toMatchObject({
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
      title: 'Mutual Aid Kiosk',
    });
    expect(kioskWindowFrame({ kiosk: false })).toMatchObject({ kiosk: false, fullscreen: false, autoHideMenuBar: true });
  });

  it('leaves the web preferences to the one place the window is made', () => {
    // The lockdown itself is asserted on the built main process (tests/integration/main-wiring.test.ts).
    expect(kioskWindowFrame({ kiosk: true })).not.toHaveProperty('webPreferences');
  });
});

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('denies by default and is the one policy both hosts send', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(HOST_CSP).toBe(CONTENT_SECURITY_POLICY);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(d), d).toEqual(["'none'"]);
  });

  it('allows no inline script, no eval and no remote origin anywhere', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const [directive, sources] of csp) {
      for (const s of sources) {
        expect(s, directive).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|^\*|^https?:|^wss?:|^'nonce-|^'sha/);
        expect(["'self'", "'none'", 'data:', 'blob:', 'mediastream:'], `${directive} ${s}`).toContain(s);
      }
    }
  });

  it('lets through what the app uses: camera stream, QR images, its own workers', () => {
    expect(csp.get('media-src')).toContain('mediastream:');
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(['data:', 'blob:']));
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('keyboard escapes in kiosk mode', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });
  const blocked: [string, KeyInput][] = [
    ['reload F5', key('F5')],
    ['reload Ctrl+R', key('r', { control: true })],
    ['hard reload Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['reload Cmd+R', key('r', { meta: true })],
    ['devtools F12', key('F12')],
    ['devtools Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['console Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['inspector Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['devtools Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['close Ctrl+W', key('w', { control: true })],
    ['close Alt+F4', key('F4', { alt: true })],
    ['close Ctrl+F4', key('F4', { control: true })],
    ['quit Ctrl+Q', key('q', { control: true })],
    ['quit Cmd+Q', key('q', { meta: true })],
    ['zoom in Ctrl+=', key('=', { control: true })],
    ['zoom in Ctrl++', key('+', { control: true, shift: true })],
    ['zoom out Ctrl+-', key('-', { control: true })],
    ['zoom reset Ctrl+0', key('0', { control: true })],
    ['zoom numpad', { ...key('+', { control: true }), code: 'NumpadAdd' }],
    ['full screen F11', key('F11')],
    ['full screen Ctrl+Cmd+F', key('f', { control: true, meta: true })],
    ['back Alt+Left', key('ArrowLeft', { alt: true })],
    ['forward Alt+Right', key('ArrowRight', { alt: true })],
    ['back key', key('BrowserBack')],
    ['print Ctrl+P', key('p', { control: true })],
    ['save Ctrl+S', key('s', { control: true })],
    ['new window Ctrl+N', key('n', { control: true })],
    ['view source Ctrl+U', key('u', { control: true })],
    ['hide Cmd+H', key('h', { meta: true })],
    ['the key going up too', { ...key('F5'), type: 'keyUp' }],
  ];
  it.each(blocked)('swallows %s', (_name, input) => {
    expect(blockedInputReason(input, { kiosk: true })).not.toBeNull();
  });

  const allowed: [string, KeyInput][] = [
    ['a digit from the barcode scanner', key('7')],
    ['Enter after a scan', key('Enter')],
    ['a letter', key('a')],
    ['a capital', key('A', { shift: true })],
    ['Backspace', key('Backspace')],
    ['Tab', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Escape (closes our dialogs)', key('Escape')],
    ['arrows', key('ArrowLeft')],
    ['copy', key('c', { control: true })],
    ['paste', key('v', { control: true })],
    ['cut', key('x', { control: true })],
    ['select all', key('a', { control: true })],
    ['undo', key('z', { control: true })],
    ['AltGr letters (Ctrl+Alt on Windows)', key('@', { control: true, alt: true })],
    ['Arabic letter', key('ب')],
  ];
  it.each(allowed)('lets %s through', (_name, input) => {
    expect(blockedInputReason(input, { kiosk: true })).toBeNull();
  });

  it('leaves the keyboard alone outside kiosk mode', () => {
    for (const [, input] of blocked) expect(blockedInputReason(input, { kiosk: false })).toBeNull();
  });
});

describe('permissions', () => {
  const page = `${APP_ORIGIN}/index.html`;
  it.each([
    ['media', { requestingUrl: page, mediaTypes: ['video'] }, true],
    ['media', { requestingUrl: page, mediaTypes: ['audio'] }, false],
    ['media', { requestingUrl: page, mediaTypes: ['video', 'audio'] }, false],
    ['media', { requestingUrl: page, mediaTypes: [] }, false],
    ['media', { requestingUrl: page }, false],
    ['media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }, false],
    ['media', { requestingUrl: 'app://evil/index.html', mediaTypes: ['video'] }, false],
    ['media', { requestingUrl: 'file:///index.html', mediaTypes: ['video'] }, false],
    ['geolocation', { requestingUrl: page }, false],
    ['notifications', { requestingUrl: page }, false],
    ['clipboard-read', { requestingUrl: page }, false],
    ['display-capture', { requestingUrl: page }, false],
    ['openExternal', { requestingUrl: page }, false],
    ['fullscreen', { requestingUrl: page }, false],
    ['hid', { requestingUrl: page }, false],
  ] as const)('%s %j → %s', (permission, request, expected) => {
    expect(isPermissionAllowed(permission, request)).toBe(expected);
  });

  it('answers permission checks the same way', () => {
    expect(isPermissionCheckAllowed('media', APP_ORIGIN, 'video')).toBe(true);
    expect(isPermissionCheckAllowed('media', APP_ORIGIN, 'audio')).toBe(false);
    expect(isPermissionCheckAllowed('media', 'https://evil.example', 'video')).toBe(false);
    expect(isPermissionCheckAllowed('geolocation', APP_ORIGIN, undefined)).toBe(false);
  });
});

describe('network requests', () => {
  it.each([
    [APP_INDEX_URL, null, true],
    ['app://kiosk/assets/index-abc.js', null, true],
    ['data:image/png;base64,AAAA', null, true],
    ['blob:app://kiosk/6f1c', null, true],
    ['app://other/x.js', null, false],
    ['https://fonts.googleapis.com/css', null, false],
    ['http://127.0.0.1:5173/', null, false],
    ['file:///etc/passwd', null, false],
    ['devtools://devtools/bundled/inspector.html', null, false],
    ['ws://localhost:5173/', null, false],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173', true],
    ['ws://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['https://example.com/', 'http://localhost:5173', false],
    ['not a url', null, false],
  ] as const)('%s (dev %s) → %s', (url, dev, expected) => {
    expect(isAllowedRequestUrl(url, dev)).toBe(expected);
  });
});

describe('app:// protocol', () => {
  const root = '/opt/kiosk/out/renderer';
  it.each([
    ['app://kiosk/', `${root}/index.html`],
    ['app://kiosk/index.html', `${root}/index.html`],
    ['app://kiosk/assets/index-abc.js?v=1#x', `${root}/assets/index-abc.js`],
    ['app://kiosk/assets/a%20b.css', `${root}/assets/a b.css`],
    ['app://kiosk/../../etc/passwd', `${root}/etc/passwd`], // the URL parser already folds ".."
    ['app://kiosk/%2e%2e/%2e%2e/etc/passwd', `${root}/etc/passwd`], // so does "%2e%2e"
    ['app://kiosk/assets/..%2f..%2f..%2fetc%2fpasswd', null],
    ['app://kiosk/..%5c..%5cwindows%5cwin.ini', null],
    ['app://kiosk/index.html%00.png', null],
    ['app://kiosk/%E0%A4%A', null],
    ['app://evil/index.html', null],
    ['app://user:pw@kiosk/index.html', null],
    ['app://kiosk:8080/index.html', null],
    ['file:///opt/kiosk/out/renderer/index.html', null],
    ['https://kiosk/index.html', null],
    ['app://kiosk//etc/passwd', `${root}/etc/passwd`],
  ])('%s → %s', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected);
  });

  it('serves the renderer files with the CSP and refuses the rest', async () => {
    const dir = tempDir();
    try {
      const rendererDir = join(dir.path, 'renderer');
      mkdirSync(join(rendererDir, 'assets'), { recursive: true });
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><p>hi</p>');
      writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {}');
      writeFileSync(join(dir.path, 'secret.txt'), 'the site key');
      const handle = createAppProtocolHandler(rendererDir);

      const index = await handle(new Request(APP_INDEX_URL));
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(index.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await index.text()).toContain('hi');
      expect((await handle(new Request('app://kiosk/assets/app.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);

      for (const url of ['app://kiosk/../secret.txt', 'app://kiosk/%2e%2e/secret.txt', 'app://kiosk/missing.js', 'app://kiosk/assets']) {
        const res = await handle(new Request(url));
        expect(res.status, url).toBe(404);
        expect(await res.text(), url).not.toContain('site key');
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      }
      expect((await handle(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
      // A hub's window has no pairing of its own.
      expect((await handle(new Request('app://kiosk/station/pair', { method: 'POST', body: '{"code":"ABCD2345"}' }))).status).toBe(405);
    } finally {
      dir.remove();
    }
  });

  it('for an app station, tells the page it is a station and carries its pairing to the station', async () => {
    const dir = tempDir();
    try {
      const rendererDir = join(dir.path, 'renderer');
      mkdirSync(rendererDir, { recursive: true });
      writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta name="kiosk-token" content="" /></head></html>');
      const codes: string[] = [];
      let paired = false;
      const station = {
        whoami: async () => paired,
        pair: async (code: string): Promise<ApiResult<unknown>> => {
          codes.push(code);
          if (code !== 'GOOD2345') return { ok: false, error: { code: 'stations.bad_code', message: 'no' } };
          paired = true;
          return { ok: true, value: { station: { id: 's1', name: 'Pickup laptop', role: 'pickup' } } };
        },
      };
      const handle = createAppProtocolHandler(rendererDir, undefined, station);
      expect(await (await handle(new Request(APP_INDEX_URL))).text()).toContain('<meta name="kiosk-station" content="app" />');
      expect((await handle(new Request('app://kiosk/station/whoami'))).status).toBe(401);
      const post = (body: string) => handle(new Request('app://kiosk/station/pair', { method: 'POST', body }));
      expect((await post('{"code":"BAD00000"}')).status).toBe(403);
      expect((await post('not json')).status).toBe(400);
      const ok = await post('{"code":" GOOD2345 "}');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true, value: { station: { id: 's1', name: 'Pickup laptop', role: 'pickup' } } });
      expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(codes).toEqual(['BAD00000', 'GOOD2345']);
      expect((await handle(new Request('app://kiosk/station/whoami'))).status).toBe(200);
      // Another host in the app scheme is nothing of ours.
      expect((await handle(new Request('app://other/station/whoami'))).status).toBe(404);
    } finally {
      dir.remove();
    }
  });
});

describe('the IPC binding', () => {
  const calls: string[] = [];
  const dispatch = async (channel: string): Promise<ApiResult<unknown>> => {
    calls.push(channel);
    return channel === 'shell.quit' ? { ok: true, value: {} } : { ok: false, error: { code: 'auth.forbidden', message: 'no' } };
  };
  const handle = createApiHandler({ dispatch, appOrigins: [APP_ORIGIN] });

  it('never dispatches for a foreign sender or a subframe', async () => {
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: APP_INDEX_URL, isMainFrame: false },
      { url: undefined, isMainFrame: true },
    ]) {
      expect(await handle(sender, 'shell.quit', { input: {} })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it("passes our own page's calls to core as they are, shell features included", async () => {
    const page = { url: APP_INDEX_URL, isMainFrame: true };
    await handle(page, 'site.status', { input: {} });
    expect(await handle(page, 'shell.quit', { input: {} })).toEqual({ ok: true, value: {} });
    expect(await handle(page, 42, {})).toMatchObject({ ok: false });
    expect(calls).toEqual(['site.status', 'shell.quit', '']);
  });
});

describe('the CSP meta tag', () => {
  const metaOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

  it('index.html carries the one policy as a meta tag (all but frame-ancestors, which a meta tag cannot set), its scripts stricter', () => {
    const meta = metaOf(readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8'));
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    const header = parseCsp(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    const page = parseCsp(meta);
    // The source page runs no script at all; the build pins its one entry script by hash.
    expect(page.get('script-src')).toEqual(["'none'"]);
    header.delete('script-src');
    page.delete('script-src');
    expect(page).toEqual(header);
  });

  it('pins the built page to its one entry script by hash, or refuses to build', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />\n<script type="module" crossorigin src="./assets/index-x.js"></script>`;
    const pinned = pinEntryScript(html, (src) => (src === './assets/index-x.js' ? 'sha384-abc+/=' : 'wrong'));
    expect(pinned).toContain('<script type="module" crossorigin integrity="sha384-abc+/=" src="./assets/index-x.js"></script>');
    expect(parseCsp(metaOf(pinned)).get('script-src')).toEqual(["'sha384-abc+/='", "'strict-dynamic'"]);
    expect(() => pinEntryScript(html.replace('<script', '<p'), () => 'sha384-abc')).toThrow(/one module script/);
    expect(() => pinEntryScript(html + html.split('\n')[1], () => 'sha384-abc')).toThrow(/one module script/);
    expect(() => pinEntryScript(html, () => 'sha256-abc')).toThrow(/sha384/);
    expect(() => pinEntryScript(pinned.replace('integrity="sha384-abc+/=" ', ''), () => 'sha384-abc')).toThrow(/script-src 'none'/);
  });

  it.skipIf(!existsSync('out/renderer/index.html'))('the built index.html runs exactly the bytes of its entry script', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const [, integrity, src] = /<script type="module" crossorigin integrity="([^"]+)" src="([^"]+)">/.exec(html) ?? [];
    expect(src).toBeDefined();
    const actual = `sha384-${createHash('sha384')
      .update(readFileSync(join('out/renderer', src ?? '')))
      .digest('base64')}`;
    expect(integrity).toBe(actual);
    expect(parseCsp(metaOf(html)).get('script-src')).toEqual([`'${actual}'`, "'strict-dynamic'"]);
  });
});
