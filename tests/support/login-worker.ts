// One kiosk process at the PIN screen: its own thread and SQLite connection to the shared file,
// trying wrong PINs as fast as it can once the test opens the gate.
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { FixedClock, seededKeys, sequentialIds } from './fixed';
import { countingHasher } from './pins';

interface Job {
  file: string;
  name: string;
  pins: string[];
  /** Int32Array over a SharedArrayBuffer: [1] counts ready workers, [0] becomes 1 to start. */
  gate: SharedArrayBuffer;
  clockMs: number;
}

const job = workerData as Job;
const clock = new FixedClock(job.clockMs);
const hasher = countingHasher('scrypt');
const core = createCore({
  db: openDatabase(job.file),
  clock,
  ids: sequentialIds(clock, job.name),
  keys: seededKeys(job.name),
  pinHasher: hasher,
});
const gate = new Int32Array(job.gate);
Atomics.add(gate, 1, 1);
Atomics.notify(gate, 1);
Atomics.wait(gate, 0, 0);

// All at once, as several screens (or one screen hammered) would send them.
const results = await Promise.all(job.pins.map((pin) => core.dispatch('auth.login', { input: { pin }, session: null })));
core.close();
parentPort?.postMessage({ codes: results.map((r) => (r.ok ? 'ok' : r.error.code)), hashed: hasher.calls });
