// `npm run bench [-- --scale 0.05] [-- --only NAME ...] [-- --ui]`
// Seeds five years of a busy hub (deterministic; --scale sizes it; cached in the temp folder by
// scale, generator version and schema), runs each benchmark beside its fair floor in the same run,
// prints a table and writes bench/results.json. --ui adds Chromium timings of the real screens.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, type Benchmark, type BenchResult } from './harness';
import { scaled, seededSite, type Scale, type Site } from './scale-data';
import { folderSpace, type DriveSource } from '../src/core/exchange/drives';
import { apiRoundtrip, coreOpen } from './benchmarks/foundation';
import {
  exportBackupBench,
  exportShareBench,
  importRelayedBench,
  importShareBench,
  reimportShareBench,
  restoreBackupBench,
} from './benchmarks/exchange';
import { inventoryReceive } from './benchmarks/inventory';
import { UI_BENCHES, startRig, uiScanDuringExport, type UiRig } from './benchmarks/ui';
import { startupTimings, uiTimings } from './benchmarks/browser';
import { stationsEvent, stationsLoad } from './benchmarks/stations';
import { networkRegion } from './benchmarks/network';
import { reportsMonth, reportsYearCharts } from './benchmarks/reports';

export interface BenchContext {
  dir: string;
  scale: Scale;
  factor: number;
  site: Site;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, scale: { type: 'string', default: '1' }, ui: { type: 'boolean', default: false } },
  });
  const factor = Number(values.scale);
  if (!(factor > 0)) throw new Error('--scale takes a positive number (1 = full scale)');
  const scale = scaled(factor);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const slowStick = { msPerChunk: 0 };
  const drives: DriveSource = { list: () => Promise.resolve([]), space: folderSpace };
  try {
    const site = seededSite(join(dir, 'site'), scale, (s) => console.log(s), {
      drives,
      // A slow stick for ui.scan_during_export: each 1 MB chunk takes this long to land. The app's
      // stick writes are asynchronous (fs/promises), so a slow stick delays the write's promise, as
      // the kernel does, and does not hold the thread.
      writeHooks: {
        afterChunk: () =>
          slowStick.msPerChunk > 0 ? new Promise<void>((resolve) => setTimeout(resolve, slowStick.msPerChunk)) : undefined,
      },
    });
    const ctx: BenchContext = { dir, scale, factor, site };
    let rig: UiRig | null = null;
    const theRig = () => {
      if (!rig) throw new Error('rig not started');
      return rig;
    };
    const benches: Benchmark[] = [
      coreOpen(ctx),
      apiRoundtrip(ctx),
      ...UI_BENCHES.map((make) => make(ctx, theRig)),
      uiScanDuringExport(slowStick, join(dir, 'slow-stick'))(ctx, theRig),
      inventoryReceive(ctx),
      exportShareBench(ctx),
      importShareBench(ctx),
      importRelayedBench(ctx),
      reimportShareBench(ctx),
      exportBackupBench(ctx),
      restoreBackupBench(ctx),
      stationsLoad(ctx),
      stationsEvent(ctx),
      networkRegion(ctx),
      // Last: they re-date the seed's visits over five years (see benchmarks/reports.ts).
      reportsMonth(ctx),
      reportsYearCharts(ctx),
    ];
    const wanted = (name: string) => !values.only || values.only.some((o) => name === o || name.startsWith(`${o}.`));
    const results: BenchResult[] = [];
    for (const bench of benches) {
      if (!wanted(bench.name)) continue;
      if (bench.name.startsWith('ui.') && !rig) rig = await startRig(ctx);
      const r = await measure(bench);
      console.log(`${r.name}: median ${r.median} ms, p95 ${r.p95 ?? '—'} ms (n=${r.n}), floor ${r.raw_median} ms, ×${r.ratio}`);
      results.push(r);
    }
    if (rig) await (rig as UiRig).close();
    if (values.ui) results.push(...(await uiTimings(ctx)), ...(await startupTimings(ctx)));
    site.core.close();
    console.table(
      results.map((r) => ({
        name: r.name,
        n: r.n,
        median_ms: r.median,
        p95_ms: r.p95 ?? '—',
        max_ms: r.max,
        first_ms: r.first ?? '',
        floor_median_ms: r.raw_median,
        ratio: r.ratio,
        goal_p95_ms: r.goal ?? '',
        meets_goal: r.goal === null ? '' : r.p95 === null ? '?' : r.p95 <= r.goal ? 'yes' : 'NO',
      })),
    );
    writeFileSync('bench/results.json', `${JSON.stringify({ scale, factor, results }, null, 2)}\n`);
    console.log('wrote bench/results.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
