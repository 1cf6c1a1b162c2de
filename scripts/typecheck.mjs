// Type-checks each layer with its own config, so a layer that reaches for what it must not
// see (node:* in the renderer, the DOM in core) fails here.
import { spawnSync } from 'node:child_process';

const tsc = 'node_modules/typescript/bin/tsc';
const projects = ['src/shared', 'src/core', 'src/main', 'src/renderer', 'tests'];
let failed = 0;
for (const project of projects) {
  const run = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck: ${project} failed`);
    failed += 1;
  }
}
if (failed === 0) console.log(`typecheck: ${projects.length} projects clean`);
process.exit(failed === 0 ? 0 : 1);
