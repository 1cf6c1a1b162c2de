import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';

// The README and the repo's docs are the contract with users and newcomers: they must stand
// alone. Every relative link resolves to a file inside the repository, and nothing points
// outside it (a sibling folder that only the developers' machines have, for example).
const root = resolve(__dirname, '..', '..');
const docs = [
  'README.md',
  'CONTRIBUTING.md',
  'packaging/README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function links(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) out.push(m[1] ?? '');
  // A document named in a code span that climbs out of the repo counts as a link too.
  for (const m of text.matchAll(/`(\.\.\/[^`\s]+\.md)`/g)) out.push(m[1] ?? '');
  return out.filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
}

describe('docs stand alone', () => {
  it.each(docs)('%s links only to files inside the repository', (doc) => {
    const file = join(root, doc);
    expect(existsSync(file)).toBe(true);
    for (const link of links(readFileSync(file, 'utf8'))) {
      const target = normalize(join(dirname(file), link.split('#')[0] ?? ''));
      const inside = !relative(root, target).startsWith('..');
      expect({ link, inside }).toEqual({ link, inside: true });
      expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true });
    }
  });

  it('README points to the architecture and contributing guides', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/architecture.md)');
    expect(readme).toContain('(CONTRIBUTING.md)');
    expect(readme).not.toMatch(/shared\/DESIGN\.md/);
  });
});
