import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Screens load data through `useApiQuery` / `useApiMutation` / `useApiFetch`
 * (src/renderer/api/query.tsx), never by calling the client themselves: that is where the
 * stale-answer guard, the shared error presentation and the live invalidation live. Every file
 * of the renderer is held to it, except the api layer itself and the entry that makes the client.
 */
const RENDERER = 'src/renderer';

/** The only places that may reach for the client: the api layer, and main.tsx, which makes it. */
const CLIENT_SIDE = ['api/', 'main.tsx'];

/** What calling the client by hand looks like: reaching for it, or wiring a reload to live events. */
const DIRECT = [
  { what: 'useApi()', pattern: /\buseApi\s*\(/ },
  { what: 'the client module', pattern: /from\s+['"][./]*api\/(client|context|transport)['"]/ },
  { what: 'a hand-wired live reload (useLive)', pattern: /\buseLive\s*\(/ },
];

/** Every .ts/.tsx file of the renderer, relative to it, with '/' separators. */
function rendererFiles(): string[] {
  return readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => /\.tsx?$/.test(f) && statSync(join(RENDERER, f)).isFile());
}

const isClientSide = (file: string) => CLIENT_SIDE.some((c) => (c.endsWith('/') ? file.startsWith(c) : file === c));

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

  it('no screen loads by hand: every renderer file outside the api layer goes through the hooks', () => {
    const files = rendererFiles();
    // The walk sees the renderer (so the check below is not vacuous).
    expect(files).toContain('pickup/PickupScreen.tsx');
    expect(files.filter(isClientSide)).toContain('api/query.tsx');
    const offenders = files
      .filter((file) => !isClientSide(file))
      .flatMap((file) => {
        const found = directCalls(readFileSync(join(RENDERER, file), 'utf8'));
        return found.length > 0 ? [`${file}: ${found.join(', ')}`] : [];
      });
    expect(offenders, 'use the hooks in src/renderer/api/query.tsx (see CONTRIBUTING.md, "Load data in a screen")').toEqual([]);
  });
});
