import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { BOARD_CATEGORIES } from '../../src/shared/api/channels/board';
import { LOCALE_CODES } from '../../src/shared/locales';
import { FixedClock, seededKeys, sequentialIds } from '../../tests/support/fixed';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';
import { prng } from '../scale-data';

const FREE_TEXT = ['Tuesday morning', 'weekday evenings', 'Saturdays', 'any time', 'call first', null];

/**
 * matching.suggest: the best three offers for each of 10,000 open needs among 10,000 open
 * offers (always full size: the issue names these numbers), read from SQLite and ranked.
 * The raw side reads the same open rows with bare better-sqlite3: the floor any matcher pays.
 */
export function matchingSuggest(ctx: BenchContext): Benchmark {
  const dir = join(ctx.dir, 'board');
  const file = join(dir, 'kiosk.sqlite');
  let core: Core;
  let raw: Database.Database;
  let rawNeeds: Database.Statement;
  let rawOffers: Database.Statement;
  return {
    name: 'matching.suggest',
    n: 20,
    setup() {
      mkdirSync(dir, { recursive: true });
      const clock = new FixedClock(Date.UTC(2026, 10, 28, 10, 0, 0));
      core = createCore({ db: openDatabase(file), clock, ids: sequentialIds(clock, 'board'), keys: seededKeys('board') });
      void core.dispatch('site.setup', { input: { name: 'Bench Hub', languages: ['en', 'es', 'ar'], siteLanguage: 'en', pin: '1234' } });
      const db = core.ctx.db;
      const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
      const rand = prng(50);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const insert = db.prepare(
        `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, availability, slots, shareable, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      db.transaction(() => {
        for (let i = 0; i < 20_000; i += 1) {
          const kind = i % 2 === 0 ? 'need' : 'offer';
          const langs = rand() < 0.1 ? [] : [...new Set([pick(LOCALE_CODES), ...(rand() < 0.4 ? [pick(LOCALE_CODES)] : [])])];
          // Two thirds structured (board-entered), the rest free text as intake writes it.
          const structured = rand() < 0.66;
          const slots = structured ? 1 + Math.floor(rand() * ((1 << 21) - 1)) : null;
          const created = new Date(Date.UTC(2026, 10, 28) - Math.floor(rand() * 20 * 86_400_000)).toISOString();
          insert.run(`${kind}-${i}`, site, kind, pick(BOARD_CATEGORIES), null, JSON.stringify(langs), structured ? null : pick(FREE_TEXT), slots, 0, created);
        }
      })();
      raw = new Database(file, { readonly: true });
      const sql = (kind: string) =>
        `SELECT id, category, languages, slots, availability, date_from, date_until, household_id, created_at FROM needs_offers
         WHERE kind = '${kind}' AND status = 'open' AND created_at > ?`;
      rawNeeds = raw.prepare(sql('need'));
      rawOffers = raw.prepare(sql('offer'));
    },
    run() {
      const all = core.services.matches.suggestAll(3);
      if (all.size < 9_000) throw new Error(`expected ~10,000 open needs, got ${all.size}`);
    },
    raw() {
      const cutoff = '2026-10-31T10:00:00.000Z';
      rawNeeds.all(cutoff);
      rawOffers.all(cutoff);
    },
    teardown() {
      raw.close();
      core.close();
    },
  };
}
