import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createCore, openDataDir, type Core } from '../../src/core/index';
import { seedDemo } from '../../src/core/demo/seed';
import { startHost } from '../../src/host/server';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../support/fixed';

export interface Kiosk {
  url: string;
  core: Core;
  clock: FixedClock;
  dataDir: string;
}

export interface KioskOptions {
  /** 'demo': the demo hub; 'fresh': an empty database (first-run setup). */
  site: 'demo' | 'fresh';
}

/**
 * Each test gets its own real host: the built renderer, a real core on a fresh SQLite file in a
 * temp folder, a fixed clock and repeatable ids. Nothing is mocked.
 */
export const test = base.extend<KioskOptions & { kiosk: Kiosk }>({
  site: ['demo', { option: true }],
  kiosk: async ({ site }, use) => {
    const dir = tempDir('kiosk-e2e-');
    const clock = new FixedClock(Date.UTC(2026, 10, 28, 10, 0, 0));
    const core = createCore({ db: openDataDir(dir.path), clock, ids: sequentialIds(clock, 'e2e'), keys: seededKeys('e2e') });
    if (site === 'demo') seedDemo(core.ctx, core.services.intake);
    const host = await startHost({
      dispatch: core.dispatch,
      rendererDir: resolve('out/renderer'),
      token: randomBytes(32).toString('hex'),
      events: core.events,
    });
    await use({ url: host.url, core, clock, dataDir: dir.path });
    await host.close();
    core.close();
    dir.remove();
  },
});

export { expect };
