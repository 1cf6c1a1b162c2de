import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Bold text (headings, labels, the slip's code) in every shipped script is a real bold face,
// not one the browser smears out of the regular.
describe('bundled fonts', () => {
  const css = readFileSync('src/renderer/styles/fonts.css', 'utf8');
  const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    file: /url\('\.\.\/assets\/fonts\/([^']+)'\)/.exec(body!)?.[1] ?? '',
    bold: /font-weight:\s*550 900/.test(body!),
    range: /unicode-range:\s*([^;]+);/.exec(body!)?.[1]?.trim() ?? '',
  }));

  it('give each script its own bold file, over the same characters as its regular', () => {
    const ranges = new Set(faces.map((f) => f.range));
    expect(ranges.size).toBe(3);
    for (const range of ranges) {
      const regular = faces.find((f) => f.range === range && !f.bold);
      const bold = faces.find((f) => f.range === range && f.bold);
      expect(regular?.file, range).toMatch(/-Regular\.woff2$/);
      expect(bold?.file, range).toMatch(/-Bold\.woff2$/);
      expect(bold?.file.replace('-Bold', '-Regular')).toBe(regular?.file);
    }
    for (const f of faces) expect(existsSync(`src/renderer/assets/fonts/${f.file}`), f.file).toBe(true);
  });
});
