// A recording stand-in for the parts of Electron's main-process API the shell uses. After the
// shell's start() has run, drive() plays a few hostile and friendly events through what the
// shell registered (IPC handler, app:// handler, permission handlers, window events) and prints
// one JSON report line for the test to read. It knows nothing about what the answers should be.
const calls = [];
const record = (name, detail = null) => calls.push({ name, detail });

class Emitter {
  handlers = new Map();
  on(event, fn) {
    const list = this.handlers.get(event) ?? [];
    list.push(fn);
    this.handlers.set(event, list);
    return this;
  }
  once(event, fn) {
    return this.on(event, fn);
  }
  emit(event, ...args) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  listeners(event) {
    return this.handlers.get(event) ?? [];
  }
}

const cancellable = () => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

class WebContentsStub extends Emitter {
  mainFrame = { url: 'app://kiosk/index.html' };
  windowOpenHandler = null;
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  setVisualZoomLevelLimits(min, max) {
    record('setVisualZoomLevelLimits', [min, max]);
    return Promise.resolve();
  }
  setZoomLevel(level) {
    record('setZoomLevel', level);
  }
  printToPDF(options) {
    record('printToPDF', options);
    return Promise.resolve(Buffer.from('%PDF-1.4 stub'));
  }
  print(options, callback) {
    record('print', options);
    // A printer that answers "printed" only when one is named: the default is "missing" here.
    setImmediate(() => callback(Boolean(options.deviceName), options.deviceName ? '' : 'no printer'));
  }
  getPrintersAsync() {
    return Promise.resolve([{ name: 'thermal-80', displayName: 'Thermal 80', isDefault: true }]);
  }
}

const windows = [];
const ipcHandlers = new Map();
let appProtocolHandler = null;

class SessionStub extends Emitter {
  permissionRequest = null;
  permissionCheck = null;
  devicePermission = null;
  beforeRequest = null;
  webRequest = {
    onBeforeRequest: (fn) => {
      this.beforeRequest = fn;
    },
  };
  setPermissionRequestHandler(fn) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn) {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn) {
    this.devicePermission = fn;
  }
  setSpellCheckerEnabled(on) {
    record('setSpellCheckerEnabled', on);
  }
  registerPreloadScript(script) {
    record('registerPreloadScript', script);
    return script.id;
  }
}
export const session = { defaultSession: new SessionStub() };

class AppStub extends Emitter {
  isPackaged = false;
  whenReady() {
    // start() runs in the microtask after this resolves; drive once it has.
    setImmediate(() => void drive());
    return Promise.resolve();
  }
  enableSandbox() {
    record('enableSandbox');
  }
  getPath() {
    return process.env.KIOSK_DATA_DIR;
  }
  exit(code) {
    record('exit', code);
  }
  quit() {
    record('quit');
    this.emit('before-quit', cancellable());
  }
}
export const app = new AppStub();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('registerSchemesAsPrivileged', { schemes, beforeReady: !calls.some((c) => c.name === 'BrowserWindow') });
  },
  handle(scheme, fn) {
    record('protocol.handle', scheme);
    appProtocolHandler = fn;
  },
};

export const ipcMain = {
  handle(channel, fn) {
    record('ipcMain.handle', channel);
    ipcHandlers.set(channel, fn);
  },
};

export const Menu = {
  setApplicationMenu(menu) {
    record('setApplicationMenu', menu);
  },
};

export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    record('BrowserWindow', options);
    this.webContents = new WebContentsStub();
    windows.push(this);
    app.emit('web-contents-created', cancellable(), this.webContents);
  }
  loadURL(url) {
    record('loadURL', url);
    return Promise.resolve();
  }
  show() {
    record('show');
  }
  static getAllWindows() {
    return windows;
  }
}

async function drive() {
  const report = { calls, ipc: {}, protocol: {}, permissions: {}, requests: {}, window: {} };
  const win = windows[0];
  const contents = win?.webContents;
  const handler = ipcHandlers.get('api');
  // A handler that throws is what the renderer's invoke sees as a rejection (an app station whose hub did not answer).
  const api =
    handler &&
    (async (...args) => {
      try {
        return await handler(...args);
      } catch (err) {
        return { thrown: String(err?.message ?? err) };
      }
    });
  const event = (url, main = true) => {
    const frame = { url };
    return { senderFrame: frame, sender: { mainFrame: main ? frame : { url } } };
  };
  if (api) {
    report.ipc.status = await api(event('app://kiosk/index.html'), 'site.status', { input: {} });
    report.ipc.evil = await api(event('https://evil.example/'), 'site.status', { input: {} });
    report.ipc.subframe = await api(event('app://kiosk/index.html', false), 'site.status', { input: {} });
    report.ipc.quitWithoutPin = await api(event('app://kiosk/index.html'), 'shell.quit', { input: {}, session: null });
    report.quitAfterRefusal = calls.some((c) => c.name === 'quit');
    const job = { paper: '58', heightMm: 120, copyName: 'K7QM-4TXR' };
    report.ipc.printToNamed = await api(event('app://kiosk/index.html'), 'shell.print', {
      input: { ...job, printer: 'thermal-80' },
      session: null,
    });
    report.ipc.printToMissing = await api(event('app://kiosk/index.html'), 'shell.print', {
      input: { ...job, printer: null },
      session: null,
    });
    report.ipc.printBadName = await api(event('app://kiosk/index.html'), 'shell.print', {
      input: { ...job, printer: null, copyName: '../x' },
      session: null,
    });
  }
  if (appProtocolHandler) {
    for (const url of [
      'app://kiosk/index.html',
      'app://kiosk/../../../etc/passwd',
      'app://kiosk/%2e%2e%2fpackage.json',
      'app://kiosk/main/index.js',
    ]) {
      const res = await appProtocolHandler(new Request(url));
      report.protocol[url] = { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type') };
    }
    // Whether the page is told it is an app station's, and what asking "am I paired" answers.
    const index = await appProtocolHandler(new Request('app://kiosk/index.html'));
    report.station = {
      page: (await index.text()).includes('name="kiosk-station"'),
      whoami: (await appProtocolHandler(new Request('app://kiosk/station/whoami'))).status,
    };
  }
  const ses = session.defaultSession;
  if (ses.permissionRequest) {
    const ask = (permission, details) => new Promise((done) => ses.permissionRequest(contents, permission, done, details));
    report.permissions.camera = await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['video'] });
    report.permissions.microphone = await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['audio'] });
    report.permissions.geolocation = await ask('geolocation', { requestingUrl: 'app://kiosk/index.html' });
  }
  if (ses.beforeRequest) {
    for (const url of ['app://kiosk/assets/x.js', 'https://example.com/']) {
      report.requests[url] = await new Promise((done) => ses.beforeRequest({ url }, (r) => done(r.cancel)));
    }
  }
  if (contents) {
    const key = (k, mods = {}) => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });
    for (const [name, input] of [
      ['F5', key('F5')],
      ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
      ['digit 7', key('7')],
    ]) {
      const e = cancellable();
      contents.emit('before-input-event', e, input);
      report.window[`key ${name} blocked`] = e.defaultPrevented;
    }
    const nav = cancellable();
    contents.emit('will-navigate', nav, 'https://example.com/');
    report.window.navigationBlocked = nav.defaultPrevented;
    report.window.newWindow = contents.windowOpenHandler?.({ url: 'https://example.com/' });
    const close = cancellable();
    win.emit('close', close);
    report.window.closeBlocked = close.defaultPrevented;
  }
  if (api) {
    const login = await api(event('app://kiosk/index.html'), 'auth.login', { input: { pin: '1234' } });
    report.ipc.coordinatorLogin = login.ok;
    report.ipc.printers = await api(event('app://kiosk/index.html'), 'shell.printers', { input: {}, session: login.value?.token ?? null });
    const quit = await api(event('app://kiosk/index.html'), 'shell.quit', { input: {}, session: login.value?.token ?? null });
    report.ipc.quitWithPin = quit;
    await new Promise((done) => setImmediate(done));
    report.quitAfterPin = calls.some((c) => c.name === 'quit');
    if (win) {
      const closeAfter = cancellable();
      win.emit('close', closeAfter);
      report.window.closeBlockedAfterQuit = closeAfter.defaultPrevented;
    }
  }
  process.stdout.write(`ELECTRON-STUB-REPORT ${JSON.stringify(report)}\n`);
  app.emit('will-quit');
  process.exit(0);
}
