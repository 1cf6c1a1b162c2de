// `npm test`: everything CI checks, in order, with one closing line that counts the tests.
//   typecheck (each layer) → lint → format check → build → Electron security scan (electronegativity over src
//   and out; any finding fails) → vitest (unit + integration) → Playwright e2e in
//   Debian Chromium → Electron suite (or one line saying why it was skipped).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Package bin files by path: several packages do not export them for require.resolve.
const bin = (pkg, path) => join('node_modules', pkg, path);
const node = process.execPath;
mkdirSync('reports', { recursive: true });
for (const f of ['reports/vitest.json', 'reports/e2e.json', 'reports/electron.json']) rmSync(f, { force: true });

const steps = [
  ['typecheck', [node, 'scripts/typecheck.mjs']],
  ['lint', [node, bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.']],
  ['format (prettier --check)', [node, bin('prettier', 'bin/prettier.cjs'), '--check', '.']],
  ['build', [node, bin('electron-vite', 'bin/electron-vite.js'), 'build']],
  ['security scan (electronegativity)', [node, 'scripts/security-scan.mjs']],
  [
    'unit + integration',
    [node, bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json'],
  ],
  ['e2e (browser mode)', [node, bin('@playwright/test', 'cli.js'), 'test']],
  ['electron', [node, 'scripts/test-electron.mjs']],
];

const failedSteps = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n── ${name} ──`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (run.status !== 0) failedSteps.push(name);
  // Without a clean build the later suites would only repeat the same failure.
  if (run.status !== 0 && name === 'build') break;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
for (const file of ['reports/e2e.json', 'reports/electron.json']) {
  if (!existsSync(file)) continue;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  counts.failed += s.unexpected ?? 0;
  counts.skipped += s.skipped ?? 0;
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && counts.failed === 0) counts.failed = failedSteps.length;
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
