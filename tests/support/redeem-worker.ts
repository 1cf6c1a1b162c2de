// One pickup table in its own thread with its own SQLite connection to the shared file: the
// contention the concurrency tests create is real (separate connections, separate locks).
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { AppError } from '../../src/core/errors';
import { FixedClock, seededKeys, sequentialIds } from './fixed';

interface Job {
  file: string;
  table: string;
  slipIds: string[];
  /** Int32Array over a SharedArrayBuffer: every worker waits until the test sets [0] to 1. */
  gate: SharedArrayBuffer;
  clockMs: number;
}

const job = workerData as Job;
const clock = new FixedClock(job.clockMs);
const core = createCore({ db: openDatabase(job.file), clock, ids: sequentialIds(clock, job.table), keys: seededKeys(job.table) });
const gate = new Int32Array(job.gate);
Atomics.add(gate, 1, 1);
Atomics.notify(gate, 1);
Atomics.wait(gate, 0, 0);

const outcomes: { slipId: string; ok: boolean; code: string | null }[] = [];
for (const slipId of job.slipIds) {
  try {
    core.services.slips.redeem(slipId, job.table, job.table);
    outcomes.push({ slipId, ok: true, code: null });
  } catch (err) {
    outcomes.push({ slipId, ok: false, code: err instanceof AppError ? err.code : String(err) });
  }
}
core.close();
parentPort?.postMessage(outcomes);
