import { describe, expect, it } from 'vitest';
import { findingsFromSarif } from '../../scripts/electronegativity-report.mjs';

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

describe('electronegativity report', () => {
  it('reads every finding with its check, file (under the scanned root) and line', () => {
    const findings = findingsFromSarif(
      sarif([
        { ruleId: 'SANDBOX_JS_CHECK', uri: 'main/index.ts', line: 120 },
        { ruleId: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1 },
      ]),
      'src',
    );
    expect(findings).toEqual([
      { check: 'SANDBOX_JS_CHECK', file: 'src/main/index.ts', line: 120, message: 'finding SANDBOX_JS_CHECK' },
      { check: 'CSP_GLOBAL_CHECK', file: '*', line: 1, message: 'finding CSP_GLOBAL_CHECK' },
    ]);
  });
});
