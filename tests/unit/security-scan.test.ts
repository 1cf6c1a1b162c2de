import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyAllowList, findingsFromSarif, parseAllowList } from '../../scripts/electronegativity-report.mjs';

const sarif = (results: { ruleId: string; uri: string; line: number }[]) => ({
  runs: [
    {
      results: results.map((r) => ({
        ruleId: r.ruleId,
        message: { text: `finding ${r.ruleId}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }],
      })),
    },
  ],
});

describe('electronegativity report against the allow-list', () => {
  const allow = parseAllowList([
    { check: 'SANDBOX_JS_CHECK', file: 'src/main/index.ts', reason: 'The options come from kioskWindowOptions(), which sets sandbox: true.' },
    { check: 'CSP_GLOBAL_CHECK', file: '*', reason: 'The CSP is a response header of the app:// protocol, which the scanner cannot see.' },
  ]);

  it('lets through only reviewed findings, by check and file, whatever the line', () => {
    const findings = findingsFromSarif(
      sarif([
        { ruleId: 'SANDBOX_JS_CHECK', uri: 'main/index.ts', line: 120 },
        { ruleId: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1 },
        { ruleId: 'NODE_INTEGRATION_JS_CHECK', uri: 'main/index.ts', line: 120 },
        { ruleId: 'SANDBOX_JS_CHECK', uri: 'main/other.ts', line: 3 },
      ]),
      'src',
    );
    const { blocked, stale } = applyAllowList(findings, allow);
    expect(blocked.map((f) => `${f.check} ${f.file}:${f.line}`)).toEqual(['NODE_INTEGRATION_JS_CHECK src/main/index.ts:120', 'SANDBOX_JS_CHECK src/main/other.ts:3']);
    expect(stale).toEqual([]);
  });

  it('names entries that nothing matched any more', () => {
    const { blocked, stale } = applyAllowList([], allow);
    expect(blocked).toEqual([]);
    expect(stale.map((s) => s.check)).toEqual(['SANDBOX_JS_CHECK', 'CSP_GLOBAL_CHECK']);
  });

  it('refuses entries without a real reason', () => {
    expect(() => parseAllowList([{ check: 'X', file: '*' }])).toThrow(/reason/);
    expect(() => parseAllowList([{ check: 'X', file: '*', reason: 'ok' }])).toThrow(/reason/);
    expect(() => parseAllowList({})).toThrow(/array/);
  });

  it('reads the repository allow-list, every entry with a reason', () => {
    const list = parseAllowList(JSON.parse(readFileSync('security/electronegativity-allow.json', 'utf8')));
    expect(list.length).toBeGreaterThan(0);
    // Only scanner blind spots are accepted, never a real weakening of the lockdown.
    for (const e of list) expect(['CSP_GLOBAL_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK']).toContain(e.check);
  });
});
