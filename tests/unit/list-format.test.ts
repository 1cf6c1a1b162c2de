import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatList } from '../../src/renderer/format/list';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('formatList', () => {
  it('joins a list the way the reader’s language does', () => {
    expect(formatList(['translation', 'driving'], 'en')).toBe('translation and driving');
    expect(formatList(['الترجمة', 'القيادة'], 'ar')).toBe('الترجمة والقيادة');
    expect(formatList(['الترجمة', 'القيادة', 'الطبخ'], 'ar')).toBe('الترجمة والقيادة والطبخ');
    expect(formatList(['翻译', '开车'], 'zh-Hans')).toBe('翻译和开车');
    expect(formatList(['翻译', '开车', '做饭'], 'zh-Hans')).toBe('翻译、开车和做饭');
    // Persian: the Arabic comma, never an ASCII one.
    expect(formatList(['ترجمه', 'رانندگی', 'آشپزی'], 'fa')).toMatch(/^ترجمه،\u200f? رانندگی، و آشپزی$/);
  });

  it('is the only way the renderer joins a list for display', () => {
    const joins = sources('src/renderer').filter((p) => /\.join\(\s*['"`][,،、]\s*['"`]\s*\)/.test(readFileSync(p, 'utf8')));
    expect(joins).toEqual([]);
  });
});
