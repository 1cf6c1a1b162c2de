import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, openDataDir } from '../core/index';
import { defaultDataDir } from '../core/data-dir';
import { AppError } from '../core/errors';
import { seedDemo } from '../core/demo/seed';
import { startHost } from './server';

/**
 * Browser mode: `node out/main/host.js [--data-dir DIR] [--demo] [--port N]`. Serves the same
 * renderer and the same core as the Electron kiosk, on 127.0.0.1 only.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
    },
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = values['renderer-dir'] ?? resolve(here, '../renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The kiosk screens are not built yet (${rendererDir}). Run: npm run build`);
    process.exit(1);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  let db;
  try {
    db = openDataDir(dataDir);
  } catch (err) {
    // A damaged or too-new database is a message for a person, not a crash loop.
    if (err instanceof AppError) {
      console.error(`Cannot open the site database in ${dataDir}: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const core = createCore({ db, logError: (err, channel) => console.error(`[${channel}]`, err) });
  if (values.demo && seedDemo(core.ctx, core.services.intake)) console.log('Demo data loaded.');
  const token = randomBytes(32).toString('hex');
  const host = await startHost({ dispatch: core.dispatch, rendererDir, token, port: Number(values.port) });
  console.log(`Kiosk (browser mode) at ${host.url}  data: ${dataDir}`);
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
