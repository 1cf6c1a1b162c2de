import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules are enforced by lint (and each layer's tsconfig). These cases prove the rules
// bite: each snippet is linted as if it lived at that path. Such a path is in no tsconfig, so
// the type-aware promise rules (which need the file in a project) are off for these snippets.
const TYPED_RULES = [
  'no-floating-promises',
  'no-misused-promises',
  'await-thenable',
  'require-await',
  'return-await',
  'only-throw-error',
  'prefer-promise-reject-errors',
] as const;
const eslint = new ESLint({
  overrideConfig: {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: Object.fromEntries(TYPED_RULES.map((r) => [`@typescript-eslint/${r}`, 'off'])),
  },
});

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it('stop the renderer importing core, host, main or node modules', async () => {
    for (const spec of [
      '../core/index',
      '../../core/db/open',
      '../host/server',
      '../main/sender',
      'node:fs',
      'fs',
      'electron',
      'better-sqlite3',
    ]) {
      const messages = await lint('src/renderer/intake/Bad.tsx', `import x from '${spec}';\nexport default x;\n`);
      expect(messages.join('\n'), spec).toMatch(/no-restricted-imports/);
    }
  });

  it('stop core and host importing electron or react', async () => {
    for (const [file, spec] of [
      ['src/core/site/bad.ts', 'electron'],
      ['src/core/site/bad.ts', 'react'],
      ['src/host/bad.ts', 'electron'],
      ['src/core/bad.ts', '../renderer/App'],
    ]) {
      const messages = await lint(file!, `import x from '${spec}';\nexport default x;\n`);
      expect(messages.join('\n'), `${file} ${spec}`).toMatch(/no-restricted-imports/);
    }
  });

  it('keep shared free of platform code', async () => {
    for (const spec of ['node:crypto', 'electron', 'react', '../core/index']) {
      const messages = await lint('src/shared/domain/bad.ts', `import x from '${spec}';\nexport default x;\n`);
      expect(messages.join('\n'), spec).toMatch(/no-restricted-imports/);
    }
  });

  it('allow what each layer may use', async () => {
    expect(
      await lint(
        'src/renderer/intake/Ok.tsx',
        "import { z } from 'zod';\nimport { contract } from '../../shared/api/contract';\nexport const a = [z, contract];\n",
      ),
    ).toEqual([]);
    expect(await lint('src/core/site/ok.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toEqual([]);
  });

  it('refuse hard-coded user-facing text in JSX', async () => {
    const text = await lint('src/renderer/intake/Bad.tsx', 'export const A = () => <p>Welcome</p>;\n');
    expect(text.join('\n')).toMatch(/no-literal-jsx-text/);
    const attr = await lint('src/renderer/intake/Bad.tsx', 'export const A = () => <button aria-label="Close">×</button>;\n');
    expect(attr.join('\n')).toMatch(/no-literal-jsx-text/);
    const ok = await lint(
      'src/renderer/intake/Ok.tsx',
      "export const A = ({ t }: { t: (k: string) => string }) => <p aria-label={t('x')}>{t('welcome')} × 2 →</p>;\n",
    );
    expect(ok).toEqual([]);
  });
});
