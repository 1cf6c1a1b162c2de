// A kiosk process that makes (or restores) backups in a loop until the test kills it, at
// whatever point it happens to be: the crash the leftover-plaintext test needs is a real one.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { exportBackup, restoreBackup } from '../../src/core/exchange/backup';
import { folderSpace } from '../../src/core/exchange/drives';
import { FixedClock, seededKeys, sequentialIds } from './fixed';

const [mode, target, stick, name, passphrase] = process.argv.slice(2) as [string, string, string, string, string];
const clock = new FixedClock();
const drives = { list: () => Promise.resolve([]), space: folderSpace };

if (mode === 'backup') {
  // target: the hub's database file.
  const core = createCore({
    db: openDatabase(target),
    clock,
    ids: sequentialIds(clock, `child-${process.pid}`),
    keys: seededKeys('child'),
  });
  process.stdout.write('ready\n');
  for (;;) await exportBackup(core.ctx, drives, stick, passphrase, null);
} else {
  // target: a folder that gets one new install (r0/data, r1/data, …) per restore.
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const dataDir = join(target, `r${i}`, 'data');
    mkdirSync(dataDir, { recursive: true });
    const core = createCore({
      db: openDatabase(join(dataDir, 'kiosk.sqlite')),
      clock,
      ids: sequentialIds(clock, `child-${i}`),
      keys: seededKeys('child'),
    });
    await restoreBackup(core.ctx, stick, name, passphrase);
    core.close();
  }
}
