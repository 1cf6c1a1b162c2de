import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Screens load data through `useApiQuery` / `useApiMutation` (src/renderer/api/query.tsx), never
 * by calling the client themselves: that is where the stale-answer guard, the shared error
 * presentation and the live invalidation live. The renderer is converted a folder at a time;
 * CONVERTED lists what is done, REMAINING what still calls the client by hand.
 */
const RENDERER = 'src/renderer';

/** Paths under src/renderer (a folder ends with '/'). Nothing in them may call the client directly. */
const CONVERTED = [
  'App.tsx',
  'volunteer/',
  'setup/',
  'kiosk/',
  'components/',
  'inventory/CataloguePanel.tsx',
  'inventory/CountPanel.tsx',
  'pickup/',
  'board/',
  'public/',
  'intake/',
  'print/',
  'donors/ReceiptDialog.tsx',
];

/** Still loading by hand; move each to CONVERTED as it is converted (the test below says when). */
const REMAINING = [
  'exchange/',
  'month/',
  'stations/',
  'inventory/CategorySelect.tsx',
  'inventory/ItemEditor.tsx',
  'inventory/ReceivePanel.tsx',
  // Only its search load is converted; the item panel, its history and "more" still call by hand.
  'inventory/StockPanel.tsx',
  'donors/DonorForm.tsx',
  'donors/DonorsSection.tsx',
  'donors/ReceiptFields.tsx',
];

/** What calling the client by hand looks like: reaching for it, or wiring a reload to live events. */
const DIRECT = [
  { what: 'useApi()', pattern: /\buseApi\s*\(/ },
  { what: 'the client module', pattern: /from\s+['"][./]*api\/(client|context|transport)['"]/ },
  { what: 'a hand-wired live reload (useLive)', pattern: /\buseLive\s*\(/ },
];

function filesUnder(path: string): string[] {
  const full = join(RENDERER, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(path, f));
}

function directCalls(source: string): string[] {
  return DIRECT.filter((d) => d.pattern.test(source)).map((d) => d.what);
}

describe('renderer data loading', () => {
  it('recognises a direct call (so the check below can fail)', () => {
    expect(directCalls("import { useApi } from '../api/context';\nconst api = useApi();\nvoid api.call('volunteers.list', {});")).toEqual([
      'useApi()',
      'the client module',
    ]);
    expect(directCalls("useLive(['stock'], () => void load());")).toEqual(['a hand-wired live reload (useLive)']);
    expect(directCalls("import { useApiQuery } from '../api/query';\nconst list = useApiQuery('volunteers.list', {});")).toEqual([]);
  });

  it('converted screens load only through useApiQuery and useApiMutation', () => {
    const offenders = CONVERTED.flatMap(filesUnder).flatMap((file) => {
      const found = directCalls(readFileSync(join(RENDERER, file), 'utf8'));
      return found.length > 0 ? [`${file}: ${found.join(', ')}`] : [];
    });
    expect(offenders, 'use the hooks in src/renderer/api/query.tsx (see CONTRIBUTING.md, "Load data in a screen")').toEqual([]);
  });

  it('lists as remaining only what still calls the client by hand', () => {
    const done = REMAINING.filter((path) =>
      filesUnder(path).every((file) => directCalls(readFileSync(join(RENDERER, file), 'utf8')).length === 0),
    );
    expect(done, 'these load through the hooks now: move them from REMAINING to CONVERTED').toEqual([]);
  });
});
