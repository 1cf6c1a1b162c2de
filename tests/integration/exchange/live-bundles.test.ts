import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { WrittenFile } from '../../../src/shared/api/channels/exchange';
import { LIMITS } from '../../../src/core/exchange/format';
import { makeSite, openBundle, stick, type Site } from './support';

// Issue 15: a share bundle carries what a board still shows, not five years of needs and offers,
// and an export the importers would refuse is refused before it reaches the stick.
const DAY = 86_400_000;
const open: { dispose(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.dispose();
});

async function hub(name: string): Promise<Site> {
  const s = await makeSite(name);
  open.push(s);
  return s;
}

function entry(s: Site, id: string, status: string, createdAt: string) {
  s.core.ctx.db
    .prepare(
      `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, shareable, status, created_at, source)
       VALUES (?, ?, 'need', 'ride', ?, '[]', 1, ?, ?, 'volunteer')`,
    )
    .run(id, s.id, `detail ${id}`, status, createdAt);
}

const sharedIds = (w: WrittenFile) =>
  (openBundle(readFileSync(w.path)).parts.get('needs_offers.jsonl') ?? '')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l.slice(l.indexOf(' ') + 1)) as { id: string }).id)
    .sort();

describe('share bundles carry only live records', () => {
  it('leaves out needs that left the board long ago, keeps live ones and the recent word that one left', async () => {
    const a = await hub('Eastside');
    const now = a.clock.now().getTime();
    entry(a, 'live', 'open', new Date(now - 2 * DAY).toISOString());
    entry(a, 'expired-years-ago', 'open', new Date(now - 3 * 365 * DAY).toISOString());
    entry(a, 'met-years-ago', 'met', new Date(now - 2 * 365 * DAY).toISOString());
    entry(a, 'met-lately', 'met', new Date(now - 20 * DAY).toISOString());
    const s1 = stick();
    open.push({ dispose: s1.remove });
    // The first export is the first word of all of them (received now): everything travels once.
    expect(sharedIds(await a.call<WrittenFile>('exchange.export_share', { folder: s1.path }))).toEqual([
      'expired-years-ago',
      'live',
      'met-lately',
      'met-years-ago',
    ]);

    // Two months on, with nothing changed: only what a board still shows.
    a.clock.advance(60 * DAY);
    const login = await a.core.dispatch('auth.login', { input: { pin: '1234' }, session: null });
    if (login.ok) a.token = (login.value as { token: string }).token;
    entry(a, 'new', 'open', a.clock.now().toISOString());
    const later = await a.call<WrittenFile>('exchange.export_share', { folder: s1.path });
    expect(sharedIds(later)).toEqual(['new']);
  });

  it('refuses, before writing, a bundle larger than importers accept, and spends no sequence', async () => {
    const a = await hub('Eastside');
    const s = stick();
    open.push({ dispose: s.remove });
    const saved = LIMITS.bundleBytes;
    LIMITS.bundleBytes = 200;
    try {
      const r = await a.raw('exchange.export_share', { folder: s.path });
      expect(!r.ok && r.error.code).toBe('exchange.export_too_large');
    } finally {
      LIMITS.bundleBytes = saved;
    }
    expect(readdirSync(s.path)).toEqual([]);
    const w = await a.call<WrittenFile>('exchange.export_share', { folder: s.path });
    expect(openBundle(readFileSync(w.path)).manifest.sequence).toBe(1);
  });
});
