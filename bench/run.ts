// `npm run bench [-- --only NAME] [-- --scale 0.1]`
// Seeds a busy site into a temporary SQLite file (deterministic; --scale sizes it), runs each
// named benchmark beside the same work done bare, prints a table and writes bench/results.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { measure, type Benchmark, type BenchResult } from './harness';
import { generateSite, type Scale } from './scale-data';
import { apiRoundtrip, coreOpen } from './benchmarks/foundation';
import { matchingSuggest } from './benchmarks/board';
import { exportBackupBench, exportShareBench, importRelayedBench, importShareBench, reimportShareBench, restoreBackupBench } from './benchmarks/exchange';
import { inventoryExpiring, inventoryLowStock, inventoryReceive, inventorySearch, inventoryStockList } from './benchmarks/inventory';
import { slipsIssue, slipsRedeem } from './benchmarks/slips';
import { reportsMonth, reportsYearCharts } from './benchmarks/reports';

export interface BenchContext {
  dir: string;
  scale: Scale;
  site: ReturnType<typeof generateSite>;
}

/** Full scale is the busy site the issues name: 5,000 items, 2M movements, 200k households and slips. */
const FULL: Scale = { items: 5_000, movements: 2_000_000, households: 200_000, slips: 200_000 };


const REGISTRY: ((ctx: BenchContext) => Benchmark)[] = [
  coreOpen,
  apiRoundtrip,
  inventoryStockList,
  inventorySearch,
  inventoryLowStock,
  inventoryExpiring,
  inventoryReceive,
  slipsIssue,
  slipsRedeem,
  matchingSuggest,
  exportShareBench,
  importShareBench,
  importRelayedBench,
  reimportShareBench,
  exportBackupBench,
  restoreBackupBench,
  // Last: they re-date the seed's visits over five years (see benchmarks/reports.ts).
  reportsMonth,
  reportsYearCharts,
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, scale: { type: 'string', default: '1' } } });
  const factor = Number(values.scale);
  const scale: Scale = {
    items: Math.max(10, Math.round(FULL.items * factor)),
    movements: Math.max(10, Math.round(FULL.movements * factor)),
    households: Math.max(10, Math.round(FULL.households * factor)),
    slips: Math.max(10, Math.round(FULL.slips * factor)),
  };
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  try {
    const t0 = performance.now();
    const site = generateSite(join(dir, 'site'), scale);
    console.log(`seeded ${JSON.stringify(scale)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ctx: BenchContext = { dir, scale, site };
    const results: BenchResult[] = [];
    for (const make of REGISTRY) {
      const bench = make(ctx);
      if (values.only && !values.only.includes(bench.name)) continue;
      results.push(await measure(bench));
    }
    site.core.close();
    console.table(results.map((r) => ({ name: r.name, median_ms: r.median, p95_ms: r.p95, n: r.n, raw_median_ms: r.raw_median, ratio: r.ratio })));
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('wrote bench/results.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
