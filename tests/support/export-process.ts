// A second kiosk in its own process on the same database file: a real second pid, its own
// SQLite connection and its own in-process queues, so the cross-process cases are real.
// argv[2] is a JSON job; it says "ready" once logged in, exports when stdin says "go", and
// prints one JSON line with every outcome.
import { createInterface } from 'node:readline';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { folderSpace } from '../../src/core/exchange/drives';
import { FixedClock, seededKeys, sequentialIds } from './fixed';

interface Job {
  file: string;
  folder: string;
  clockMs: number;
  channel: 'exchange.export_share' | 'exchange.export_csv';
  count: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const clock = new FixedClock(job.clockMs);
const core = createCore({
  db: openDatabase(job.file),
  clock,
  ids: sequentialIds(clock, 'second-kiosk'),
  keys: seededKeys('second-kiosk'),
  drives: { list: () => Promise.resolve([]), space: folderSpace },
});
const login = await core.dispatch('auth.login', { input: { pin: '1234' }, session: null });
if (!login.ok) throw new Error(JSON.stringify(login));
const session = (login.value as { token: string }).token;
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  const outcomes = await Promise.all(
    Array.from({ length: job.count }, () => core.dispatch(job.channel, { input: { folder: job.folder }, session })),
  );
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  break;
}
lines.close();
core.close();
