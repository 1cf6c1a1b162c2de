// Electron security scan for `npm test`: @doyensec/electronegativity over the sources and the
// built output. It exits 0 whatever it finds, so its SARIF report is read here and every
// finding must be in security/electronegativity-allow.json with a reviewed reason.
//
// Offline by design: the Electron version is given (-e) instead of looked up, and the one check
// that downloads Electron's release list (AvailableSecurityFixesGlobalCheck) is skipped; the
// Electron version is pinned in package.json and updated like any dependency. The scanner
// also tries to fetch translations (1 s timeout) and says so; that line is harmless.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { applyAllowList, findingsFromSarif, parseAllowList } from './electronegativity-report.mjs';

const ALLOW_LIST = 'security/electronegativity-allow.json';
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const cli = 'node_modules/@doyensec/electronegativity/dist/index.js';
mkdirSync('reports', { recursive: true });

const allow = parseAllowList(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')));
const findings = [];
for (const root of ['src', 'out']) {
  if (!existsSync(root)) {
    console.error(`security scan: ${root}/ is missing (run the build first)`);
    process.exit(1);
  }
  const report = `reports/electronegativity-${root}.sarif`;
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [cli, '-i', root, '-o', report, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'en' } },
  );
  if (run.status !== 0 || !existsSync(report)) {
    console.error(`security scan: electronegativity did not finish on ${root}/ (exit ${run.status})\n${run.stderr ?? ''}`);
    process.exit(1);
  }
  findings.push(...findingsFromSarif(JSON.parse(readFileSync(report, 'utf8')), root));
}

const { blocked, stale } = applyAllowList(findings, allow);
for (const s of stale) console.log(`security scan: allow-list entry no longer needed: ${s.check} in ${s.file} (remove it)`);
if (blocked.length > 0) {
  console.error(`security scan: ${blocked.length} finding(s) not in ${ALLOW_LIST}:`);
  for (const f of blocked) console.error(`  ${f.check}  ${f.file}:${f.line}  ${f.message}`);
  process.exit(1);
}
console.log(`security scan: ${findings.length} finding(s) in src/ and out/, all reviewed in ${ALLOW_LIST}`);
