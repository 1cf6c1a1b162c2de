import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { MIN_SAMPLES, quantile, round, type BenchResult } from '../harness';
import { startAppHost } from '../http';
import type { BenchContext } from '../run';
import { NOW } from '../scale-data';
import { dayNumber } from '../../src/shared/time';

/** The same Chromium the e2e suite drives (Debian's), with the same quiet flags. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Arms a one-shot timer in the page: it starts at the next `start` event (captured, so before
 * the app's own handler runs) and stops at the second animation frame after `selector` matches
 * an element whose text contains `text` (the frame after it was committed: painted).
 */
async function arm(page: Page, start: 'click' | 'keydown', selector: string, text: string): Promise<void> {
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
  await page.evaluate(`(() => {
    const [start, selector, text] = ${JSON.stringify([start, selector, text])};
    window.__bench = new Promise((done) => {
      const onStart = (e) => {
        if (start === 'keydown' && e.key !== 'Enter') return;
        window.removeEventListener(start, onStart, true);
        const t0 = performance.now();
        const found = () => [...document.querySelectorAll(selector)].some((el) => text === '' || (el.textContent || '').includes(text));
        const mo = new MutationObserver(() => {
          if (!found()) return;
          mo.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      };
      window.addEventListener(start, onStart, true);
    });
  })()`);
}

/** The armed timer's reading; a screen that never shows what was awaited fails the bench instead of hanging it. */
const elapsed = (page: Page, what: string) =>
  Promise.race([
    page.evaluate('window.__bench') as Promise<number>,
    new Promise<number>((_, fail) => setTimeout(() => fail(new Error(`--ui: ${what} did not appear within 20 s`)), 20_000)),
  ]);

function result(name: string, times: number[], goal: number): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    unit: 'ms',
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    p95: sorted.length >= MIN_SAMPLES ? round(quantile(sorted, 0.95)) : null,
    max: round(sorted.at(-1) ?? Number.NaN),
    first: round(times[0] ?? Number.NaN),
    raw_median: Number.NaN,
    raw_p95: null,
    ratio: Number.NaN,
    goal,
  };
}

/**
 * `--ui`: the real renderer in Chromium against the browser-mode host on the seeded site.
 * tap → QR painted: the visitor goes through intake by role (English, "I need something", one
 * item) and taps "Get my slip"; timed to the frame after the QR is in the page.
 * scan → pick list painted: the coordinator's pickup table; a scanner burst of a slip's digits
 * and Enter; timed from Enter to the frame after that slip's short code shows in the Slip region.
 */
export async function uiTimings(ctx: BenchContext, samples = MIN_SAMPLES): Promise<BenchResult[]> {
  if (!existsSync(join(resolve('out/renderer'), 'index.html'))) {
    throw new Error('--ui needs the built screens: run `npx electron-vite build` first');
  }
  const app = await startAppHost(ctx.site.core, join(ctx.dir, 'ui-host'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.host.url);

    const tap: number[] = [];
    for (let i = 0; i < samples + 2; i += 1) {
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('button', { name: 'I need something' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page
        .locator('.item-button')
        .nth(i % 20)
        .click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Skip' }).click();
      const submit = page.getByRole('button', { name: 'Get my slip' });
      await submit.waitFor();
      await arm(page, 'click', 'svg.qr', '');
      await submit.click();
      const ms = await elapsed(page, 'the QR');
      if (i % 10 === 9) console.log(`--ui: ${i + 1} slips taken`);
      if (i >= 2) tap.push(ms); // two warm-ups: the first visit also loads fonts and the QR code
      await page.getByRole('button', { name: 'Done' }).click();
    }

    const open = ctx.site.core.ctx.db
      .prepare(
        `SELECT s.short_code AS code, s.payload FROM slips s WHERE s.issue_day = ? AND s.voided_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id) ORDER BY s.issued_at DESC LIMIT ?`,
      )
      .all(dayNumber(new Date(NOW)), samples + 2) as { code: string; payload: string }[];
    await page.getByRole('button', { name: 'Volunteer' }).click();
    for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    const tab = page.getByRole('navigation').getByRole('button', { name: 'Pickup table' });
    await tab.waitFor();
    await tab.click();
    await page.getByLabel('Scan a slip or type its code').waitFor();
    const scan: number[] = [];
    for (let i = 0; i < open.length; i += 1) {
      const slip = open[i]!;
      // Armed before the burst: a pause between the digits and Enter would not read as a scanner.
      await arm(page, 'keydown', 'body', slip.code);
      await page.keyboard.type(slip.payload, { delay: 0 });
      await page.keyboard.press('Enter');
      const ms = await elapsed(page, `slip ${slip.code}`).catch(async (err: unknown) => {
        await page.screenshot({ path: join(ctx.dir, '..', 'kiosk-bench-ui-failure.png') });
        throw err;
      });
      if (i >= 2) scan.push(ms);
    }
    return [result('ui.tap_to_qr_painted', tap, 100), result('ui.scan_to_pick_list_painted', scan, 50)];
  } finally {
    await browser.close();
    await app.close();
  }
}

/**
 * `--ui`: start-up to first paint, as a hub lives it. The real browser-mode host
 * (`out/main/host.js`, the process `npm start` runs when Electron is absent) is spawned on a copy
 * of the full-scale site; the time runs from the spawn to the frame after the welcome screen's
 * heading is in a fresh browser context (no cache, as after a reboot). "clean" follows a SIGTERM
 * (the kiosk closes the database and marks it closed cleanly); "after a power cut" follows a
 * SIGKILL, so the next start must decide how much checking the file needs.
 */
export async function startupTimings(ctx: BenchContext, samples = MIN_SAMPLES): Promise<BenchResult[]> {
  const hostJs = resolve('out/main/host.js');
  if (!existsSync(hostJs)) throw new Error('--ui needs the built host: run `npx electron-vite build` first');
  const dataDir = join(ctx.dir, 'startup-site');
  mkdirSync(dataDir, { recursive: true });
  // A consistent copy of the open site, at the current schema (no migration inside the timing).
  ctx.site.core.ctx.db.exec(`VACUUM INTO '${join(dataDir, 'kiosk.sqlite').replaceAll("'", "''")}'`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const once = async (): Promise<{ ms: number; child: ChildProcess }> => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [hostJs, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((done, fail) => {
      let seen = '';
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (text: string) => {
        seen += text;
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
        if (m?.[1]) done(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`the host exited (${code}) before it listened: ${seen}`)));
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const ms = performance.now() - t0;
    await context.close();
    return { ms, child };
  };
  const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
  try {
    const clean: number[] = [];
    const cut: number[] = [];
    // The first start warms the page cache as a hub's daily start does; it is not counted.
    const first = await once();
    await stop(first.child, 'SIGTERM');
    for (let i = 0; i < samples; i += 1) {
      const a = await once();
      clean.push(a.ms);
      await stop(a.child, 'SIGKILL');
      const b = await once();
      cut.push(b.ms);
      await stop(b.child, 'SIGTERM');
    }
    return [result('ui.startup_first_paint', clean, 1500), result('ui.startup_after_power_cut', cut, 1500)];
  } finally {
    await browser.close();
  }
}
