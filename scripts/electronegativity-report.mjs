// Reading electronegativity's SARIF report into findings. Kept apart from the runner
// (scripts/security-scan.mjs) so the reading is unit-tested.

/**
 * @param {unknown} sarif parsed SARIF from `electronegativity -o x.sarif -r`
 * @param {string} root the folder that was scanned ('src' or 'out'), prefixed to relative paths
 * @returns {{ check: string, file: string, line: number, message: string }[]}
 */
export function findingsFromSarif(sarif, root) {
  const runs = /** @type {{ runs?: { results?: unknown[] }[] }} */ (sarif).runs ?? [];
  const out = [];
  for (const run of runs) {
    for (const r of /** @type {any[]} */ (run.results ?? [])) {
      const loc = r.locations?.[0]?.physicalLocation;
      const uri = String(loc?.artifactLocation?.uri ?? '');
      // Global checks (e.g. "no CSP found") point at file:/// rather than a source file.
      const file = uri === '' || uri.startsWith('file:') ? '*' : `${root}/${uri.replace(/^\.?\//, '')}`;
      out.push({ check: String(r.ruleId), file, line: Number(loc?.region?.startLine ?? 0), message: String(r.message?.text ?? '') });
    }
  }
  return out;
}
