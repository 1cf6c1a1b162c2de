import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// Issue 15: the camera decoders and the languages a visitor does not use are loaded when needed,
// not with the app. What the bundler puts in the main chunk is what main.tsx reaches through
// static imports (dynamic import() starts a chunk of its own), so the test walks that graph.
const root = resolve(__dirname, '..', '..');

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Static, value-carrying imports of a file (type-only ones vanish at build). */
function staticImports(source: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

/** import.meta.glob calls with { eager: true }: their first argument as written. */
function eagerGlobs(text: string): string[] {
  return [...text.matchAll(/import\.meta\.glob[^(]*\(\s*([^)]*?),\s*\{[^}]*eager:\s*true/g)].map((m) => m[1] ?? '');
}

function mainChunk(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const globs: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    globs.push(...eagerGlobs(text));
    for (const spec of staticImports(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true))) {
      if (spec.startsWith('.')) {
        const local = resolveLocal(file, spec);
        if (local && /\.tsx?$/.test(local)) visit(local);
      } else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)), packages: [...packages], globs };
}

describe('the renderer main chunk', () => {
  const chunk = mainChunk(join(root, 'src', 'renderer', 'main.tsx'));

  it('reaches the screens (the walk follows the app)', () => {
    expect(chunk.files).toContain('src/renderer/pickup/CameraScanner.tsx');
    expect(chunk.files).toContain('src/renderer/scanner/CameraBarcode.tsx');
  });

  it('does not carry the camera decoders: they load when a camera opens', () => {
    expect(chunk.packages.filter((p) => p.startsWith('@zxing/') || p === 'jsqr')).toEqual([]);
    expect(chunk.files).not.toContain('src/renderer/scanner/barcode-decode.ts');
  });

  it('inlines one language only; the others load when picked', () => {
    expect(chunk.globs.length).toBeGreaterThan(0);
    for (const glob of chunk.globs) expect(glob).toMatch(/locales\/en\//);
  });
});
