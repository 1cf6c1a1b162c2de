import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { createCore, type Core } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { folderSpace, type DriveSource } from '../../src/core/exchange/drives';
import { ImportCache } from '../../src/core/exchange/import-cache';
import { applyBundle, previewBundle } from '../../src/core/exchange/share-import';
import { exportShare } from '../../src/core/exchange/share-export';
import { cardOf, ownIdentity, rememberSite } from '../../src/core/exchange/sites';
import { FixedClock, seededKeys, sequentialIds } from '../../tests/support/fixed';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

/*
 * network.region (issue 18.5): a city's hubs exchanging weekly bundles for a simulated year,
 * with no Syncthing (a folder per hub stands in for what it carries). Each hub has its own
 * catalogue, board, needs and weekly counts and changes a few of them every week; the mesh is
 * a ring where each hub trades with its two nearest neighbours on each side plus one seeded
 * long link, so records reach every hub by relaying. Reported per hub per week: the bundle's
 * size and the time to import what arrived, for 10, 25 and 50 hubs, so growth with the number
 * of hubs can be read off. Self-contained: it does not use the seeded busy site.
 */

const drives: DriveSource = { list: () => Promise.resolve([]), space: folderSpace };
const ITEMS_PER_HUB = 40;
const WEEK = 7 * 86_400_000;

interface SimHub {
  index: number;
  core: Core;
  clock: FixedClock;
  id: string;
  dir: string;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function makeHub(base: string, i: number): Promise<SimHub> {
  const dir = join(base, `hub${i}`);
  mkdirSync(join(dir, 'out'), { recursive: true });
  const clock = new FixedClock(Date.UTC(2026, 0, 5, 10, 0, 0));
  const core = createCore({
    db: openDatabase(join(dir, 'kiosk.sqlite')),
    clock,
    ids: sequentialIds(clock, `region-${i}`),
    keys: seededKeys(`region-${i}`),
    drives,
  });
  await core.dispatch('site.setup', { input: { name: `Hub ${i}`, languages: ['en', 'es'], siteLanguage: 'en', pin: '1234' } });
  const db = core.ctx.db;
  const id = db.prepare('SELECT id FROM site').pluck().get() as string;
  const at = clock.now().toISOString();
  db.transaction(() => {
    db.prepare('INSERT INTO categories (id, origin_site, sort) VALUES (?, ?, 0)').run(`h${i}-c`, id);
    db.prepare("INSERT INTO category_names (category_id, locale, name) VALUES (?, 'en', ?)").run(`h${i}-c`, `Food of hub ${i}`);
    const item = db.prepare(
      "INSERT INTO items (id, origin_site, category_id, unit, low_stock, created_at, updated_at) VALUES (?, ?, ?, 'each', ?, ?, ?)",
    );
    const name = db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
    for (let k = 0; k < ITEMS_PER_HUB; k += 1) {
      const itemId = `h${i}-i${k}`;
      item.run(itemId, id, `h${i}-c`, k % 3 === 0 ? 5 : 0, at, at);
      name.run(itemId, 'en', `Item ${k} of hub ${i}`);
      name.run(itemId, 'es', `Artículo ${k} del centro ${i}`);
    }
    db.prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES (?, 'en', ?, ?)").run(`h${i}-hh`, at, at);
  })();
  return { index: i, core, clock, id, dir };
}

/** A week at a hub: a few names change, a threshold moves (so the board does), people visit. */
function liveAWeek(h: SimHub, week: number, rand: () => number): void {
  const db = h.core.ctx.db;
  const at = h.clock.now().toISOString();
  db.transaction(() => {
    for (let c = 0; c < 3; c += 1) {
      const k = Math.floor(rand() * ITEMS_PER_HUB);
      db.prepare("UPDATE item_names SET name = ? WHERE item_id = ? AND locale = 'en'").run(`Item ${k} (week ${week})`, `h${h.index}-i${k}`);
    }
    db.prepare('UPDATE items SET low_stock = ? WHERE id = ?').run(1 + Math.floor(rand() * 9), `h${h.index}-i0`);
    const visits = 5 + Math.floor(rand() * 20);
    const v = db.prepare("INSERT INTO visits (id, household_id, language, request_id, at) VALUES (?, ?, 'en', ?, ?)");
    for (let n = 0; n < visits; n += 1) v.run(`${h.id}-w${week}-v${n}`, `h${h.index}-hh`, `${h.id}-w${week}-r${n}`, at);
  })();
}

/** Who trades with whom: ring neighbours at distance 1 and 2, and one seeded long link each. */
function mesh(n: number, rand: () => number): Map<number, Set<number>> {
  const m = new Map<number, Set<number>>([...Array(n).keys()].map((i) => [i, new Set<number>()]));
  const link = (a: number, b: number) => {
    if (a === b) return;
    m.get(a)!.add(b);
    m.get(b)!.add(a);
  };
  for (let i = 0; i < n; i += 1) {
    link(i, (i + 1) % n);
    if (n > 4) link(i, (i + 2) % n);
    link(i, Math.floor(rand() * n));
  }
  return m;
}

export interface RegionResult {
  hubs: number;
  weeks: number;
  /** Mean bundle size per hub per week, first quarter vs last quarter of the year (KiB). */
  bundleKiB: { first: number; last: number; max: number };
  /** Mean import time per hub per week (all bundles that arrived that week), ms. */
  importMs: { first: number; last: number; max: number };
  /** Records in the last week's biggest bundle vs all records any hub owns right now. */
  records: { carried: number; live: number };
}

/** One simulated year for `n` hubs. */
export async function simulateRegion(base: string, n: number, weeks: number): Promise<RegionResult> {
  const rand = prng(n * 7919);
  const hubs: SimHub[] = [];
  for (let i = 0; i < n; i += 1) hubs.push(await makeHub(base, i));
  // Every hub trusts every hub of the region (cards exchanged once, at a city meeting).
  const cards = hubs.map((h) => cardOf(ownIdentity(h.core.ctx)));
  for (const h of hubs)
    h.core.ctx.db
      .transaction(() => cards.forEach((c) => c.id !== h.id && rememberSite(h.core.ctx, c, { trusted: true, by: null })))
      .immediate();
  const links = mesh(n, rand);
  const size: number[][] = [];
  const time: number[][] = [];
  let carried = 0;
  for (let w = 0; w < weeks; w += 1) {
    const sizes: number[] = [];
    const files: { name: string; sha256: string; dir: string }[] = [];
    for (const h of hubs) {
      liveAWeek(h, w, rand);
      const written = await exportShare(h.core.ctx, drives, join(h.dir, 'out'), null, undefined, () => `week-${w}.makshare`);
      sizes.push(written.bytes);
      files.push({ name: written.fileName, sha256: written.sha256, dir: join(h.dir, 'out') });
      if (w === weeks - 1) carried = Math.max(carried, readFileSync(written.path).toString('utf8').split('\n').length - 3);
    }
    const times: number[] = [];
    for (const [i, h] of hubs.entries()) {
      const t0 = performance.now();
      const cache = new ImportCache();
      for (const j of [...links.get(i)!].sort((a, b) => a - b)) {
        const f = files[j]!;
        await previewBundle(h.core.ctx, f.dir, f.name, cache);
        await applyBundle(h.core.ctx, f.dir, f.name, f.sha256, null, cache);
      }
      times.push(performance.now() - t0);
    }
    for (const h of hubs) {
      rmSync(join(h.dir, 'out', `week-${w}.makshare`), { force: true });
      h.clock.advance(WEEK);
    }
    size.push(sizes);
    time.push(times);
    if (process.env.REGION_PROGRESS)
      console.log(
        `network.region ${n} hubs, week ${w + 1}/${weeks}: ${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024)} KiB, ${Math.round(times.reduce((a, b) => a + b, 0) / times.length)} ms per hub`,
      );
  }
  const live = hubs.reduce(
    (sum, h) => sum + (h.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_records WHERE origin_site = ?').pluck().get(h.id) as number),
    0,
  );
  for (const h of hubs) h.core.close();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const q = Math.max(1, Math.floor(weeks / 4));
  const per = (rows: number[][], from: number, to: number) => mean(rows.slice(from, to).flat());
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    hubs: n,
    weeks,
    bundleKiB: {
      first: round(per(size, 0, q) / 1024),
      last: round(per(size, weeks - q, weeks) / 1024),
      max: round(Math.max(...size.flat()) / 1024),
    },
    importMs: { first: round(per(time, 0, q)), last: round(per(time, weeks - q, weeks)), max: round(Math.max(...time.flat())) },
    records: { carried, live },
  };
}

/** `npm run bench -- --only network.region` (REGION_WEEKS and REGION_HUBS, e.g. "10,25,50", size it). */
export function networkRegion(ctx: BenchContext): Benchmark {
  const base = join(ctx.dir, 'region');
  const weeks = Number(process.env.REGION_WEEKS ?? 52);
  const sizes = (process.env.REGION_HUBS ?? '10,25,50').split(',').map(Number);
  const results: RegionResult[] = [];
  return {
    name: 'network.region',
    n: 1,
    setup() {
      mkdirSync(base, { recursive: true });
    },
    async run() {
      // One simulated year is the measurement; the harness's repeat rounds would only redo it.
      if (results.length > 0) return;
      for (const n of sizes) {
        const dir = join(base, `n${n}`);
        mkdirSync(dir, { recursive: true });
        const t0 = performance.now();
        const r = await simulateRegion(dir, n, weeks);
        results.push(r);
        // Each size as soon as it is done: a 50-hub year is long, and the smaller ones are worth seeing on the way.
        console.log(`network.region ${n} hubs × ${weeks} weeks in ${Math.round((performance.now() - t0) / 1000)} s: ${JSON.stringify(r)}`);
        rmSync(dir, { recursive: true, force: true });
      }
      console.table(
        results.map((r) => ({
          hubs: r.hubs,
          weeks: r.weeks,
          kib_first: r.bundleKiB.first,
          kib_last: r.bundleKiB.last,
          kib_max: r.bundleKiB.max,
          import_ms_first: r.importMs.first,
          import_ms_last: r.importMs.last,
          import_ms_max: r.importMs.max,
          records_carried: r.records.carried,
          records_live: r.records.live,
        })),
      );
    },
    raw() {
      // The floor: hashing as many bytes as the largest region's last week moved (reading is cheaper still).
      const last = results.at(-1);
      if (last)
        createHash('sha256')
          .update(Buffer.alloc(Math.round(last.bundleKiB.last * 1024)))
          .digest();
    },
    teardown() {
      rmSync(base, { recursive: true, force: true });
    },
  };
}
