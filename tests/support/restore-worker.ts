// One restore in its own thread with its own SQLite connection to the shared (new, empty)
// install: two of these race for real, as two kiosk windows or two host processes would.
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { AppError } from '../../src/core/errors';
import { restoreBackup } from '../../src/core/exchange/backup';
import { FixedClock, seededKeys, sequentialIds } from './fixed';

interface Job {
  file: string;
  folder: string;
  name: string;
  passphrase: string;
  /** Int32Array over a SharedArrayBuffer: [1] counts ready workers, they all go when [0] is 1. */
  gate: SharedArrayBuffer;
  seed: string;
}

const job = workerData as Job;
const clock = new FixedClock();
const core = createCore({ db: openDatabase(job.file), clock, ids: sequentialIds(clock, job.seed), keys: seededKeys(job.seed) });
const gate = new Int32Array(job.gate);
Atomics.add(gate, 1, 1);
Atomics.notify(gate, 1);
Atomics.wait(gate, 0, 0);

let outcome: { ok: boolean; code: string | null };
try {
  await restoreBackup(core.ctx, job.folder, job.name, job.passphrase);
  outcome = { ok: true, code: null };
} catch (err) {
  outcome = { ok: false, code: err instanceof AppError ? err.code : String(err) };
}
core.close();
parentPort?.postMessage(outcome);
