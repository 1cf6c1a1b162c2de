// Reading electronegativity's SARIF report against the reviewed allow-list. Kept apart from
// the runner (scripts/security-scan.mjs) so the matching is unit-tested.

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

/**
 * @param {unknown} list parsed allow-list: [{ check, file, reason }]
 * @returns {{ check: string, file: string, reason: string }[]}
 */
export function parseAllowList(list) {
  if (!Array.isArray(list)) throw new Error('the allow-list must be a JSON array');
  return list.map((e, i) => {
    if (typeof e?.check !== 'string' || typeof e?.file !== 'string') throw new Error(`allow-list entry ${i}: needs "check" and "file"`);
    if (typeof e?.reason !== 'string' || e.reason.trim().length < 40) {
      throw new Error(`allow-list entry ${i} (${e.check} in ${e.file}): a reviewed reason of at least a sentence is required`);
    }
    return { check: e.check, file: e.file, reason: e.reason };
  });
}

/**
 * Splits findings into allowed and not allowed, and names allow-list entries nothing matched.
 * An entry matches a finding by check id and file (not line: lines move with every edit).
 */
export function applyAllowList(findings, allow) {
  const used = new Set();
  const blocked = [];
  for (const f of findings) {
    const i = allow.findIndex((a) => a.check === f.check && a.file === f.file);
    if (i === -1) blocked.push(f);
    else used.add(i);
  }
  return { blocked, stale: allow.filter((_a, i) => !used.has(i)) };
}
