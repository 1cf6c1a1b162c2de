import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signRecord, type Manifest, type RecordEnvelope } from '../../../src/core/exchange/format';
import { UNITS } from '../../../src/shared/inventory/catalogue';
import { LOCALE_CODES } from '../../../src/shared/locales';
import type { ImportPreview, SiteCard } from '../../../src/shared/api/channels/exchange';
import { PART_NAMES, makeSite, sealBundle, stick, type Site } from './support';

/**
 * Issue 12, point 1, as a property: any record a trusted hub sends that import accepts can be
 * read through every read channel that shows such records, and none of them answers
 * api.internal. Records are made at random (odd but valid units, names in any script and under
 * locale keys this hub does not ship, moments at the edges of what a clock writes, huge
 * numbers, dangling references), signed by a real hub's key, imported by the real core and
 * then read back through dispatch, exactly as a screen would.
 */

const PART_OF = {
  category: 'categories.jsonl',
  item: 'items.jsonl',
  need_offer: 'needs_offers.jsonl',
  board: 'board.jsonl',
  weekly: 'weekly.jsonl',
} as const;

const text = (max: number, min = 0) =>
  fc.oneof(
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' }),
    fc.string({ minLength: min, maxLength: Math.min(max, 20), unit: 'binary' }),
  );
const near = Date.UTC(2026, 10, 28, 10, 0, 0);
const instant = fc
  .tuple(
    fc.oneof(
      fc.date({ min: new Date(near - 90 * 86_400_000), max: new Date(near + 90 * 86_400_000), noInvalidDate: true }),
      fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('8999-12-31T23:59:59.999Z'), noInvalidDate: true }),
    ),
    fc.constantFrom('ms', 's', 'us'),
  )
  .map(([d, form]) => {
    const iso = d.toISOString();
    return form === 'ms' ? iso : form === 's' ? iso.replace(/\.\d{3}Z$/, 'Z') : iso.replace('Z', '417Z');
  });
/** Mostly real moments, now and then something that is not one (import must refuse it, not fail). */
const moment = fc.oneof({ weight: 8, arbitrary: instant }, { weight: 1, arbitrary: text(40) });
const day = instant.map((s) => s.slice(0, 10));
const unit = fc.oneof(fc.constantFrom(...UNITS), fc.constantFrom('crate', 'Kiste', 'صندوق', 'ящик', '箱', 'sack of 25'), text(40, 1));
const names = fc.dictionary(fc.oneof(fc.constantFrom(...LOCALE_CODES), text(20, 1)), text(300, 1), { maxKeys: 6 });
const smallInt = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }));
const positive = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 2 ** 53 - 1 }));

/** A small pool of ids, so later runs update what earlier runs brought (and refer to it). */
const idFrom = (prefix: string) => fc.integer({ min: 0, max: 7 }).map((n) => `0199${prefix}-0000-7000-8000-${String(n).padStart(12, '0')}`);
const itemId = idFrom('1111');
const categoryId = idFrom('2222');
const offerId = idFrom('3333');

const categoryData = fc.record({ icon: fc.option(text(40), { nil: null }), sort: smallInt, names });
const itemData = fc.record({
  categoryId: fc.option(fc.oneof(categoryId, text(100, 1)), { nil: null }),
  unit,
  icon: fc.option(text(40), { nil: null }),
  limitQty: fc.option(positive, { nil: null }),
  limitDays: fc.option(positive, { nil: null }),
  lowStock: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 ** 53 - 1 })),
  archived: fc.boolean(),
  createdAt: moment,
  names,
  barcodes: fc.array(fc.stringMatching(/^[0-9A-Za-z-]{1,64}$/), { maxLength: 3 }),
});
const needOfferData = fc.record({
  kind: fc.constantFrom('need', 'offer'),
  category: fc.oneof(fc.constantFrom('ride', 'translation', 'cooking', 'other', 'diapers'), text(80, 1)),
  detail: fc.option(text(2000), { nil: null }),
  languages: fc.array(fc.oneof(fc.constantFrom(...LOCALE_CODES), text(20)), { maxLength: 4 }),
  availability: fc.option(fc.oneof(fc.constantFrom('Saturdays', 'Tuesday morning', 'weekday evenings'), text(300)), { nil: null }),
  status: fc.oneof(fc.constantFrom('open', 'met', 'withdrawn'), text(30, 1)),
  createdAt: moment,
  expiresAt: fc.option(moment, { nil: null }),
});
const boardData = fc.record({
  items: fc.array(fc.record({ itemId: fc.oneof(itemId, text(100, 1)), kind: fc.constantFrom('surplus', 'need'), qty: positive, unit }), {
    maxLength: 4,
  }),
});
const weeklyData = fc.record({
  week: day,
  households: fc.nat(),
  visits: fc.nat(),
  itemsOut: fc.array(fc.record({ categoryId: fc.option(categoryId, { nil: null }), qty: smallInt }), { maxLength: 3 }),
});

const bundleOf = fc.record({
  categories: fc.array(fc.tuple(categoryId, categoryData), { maxLength: 3 }),
  items: fc.array(fc.tuple(itemId, itemData), { maxLength: 4 }),
  offers: fc.array(fc.tuple(offerId, needOfferData), { maxLength: 4 }),
  board: fc.option(boardData, { nil: null }),
  weekly: fc.array(weeklyData, { maxLength: 2 }),
});
type BundleShape = typeof bundleOf extends fc.Arbitrary<infer T> ? T : never;
/** One bundle, or two in a row: the second updates what the first brought. */
const bundles = fc.array(bundleOf, { minLength: 1, maxLength: 2 });

describe('whatever import accepts, every read channel can show', () => {
  let a: Site;
  let b: Site;
  let folder: { path: string; remove(): void };
  let card: { id: string; name: string; publicKey: string };
  const internal: unknown[] = [];

  beforeAll(async () => {
    a = await makeSite('Eastside Hub');
    b = await makeSite('Northside Pantry', { logError: (err, channel) => internal.push({ channel, err }) });
    folder = stick();
    const c = await a.call<SiteCard>('exchange.card', {});
    card = JSON.parse(c.text) as typeof card;
    await b.call('exchange.add_card', { code: c.digits });
  });
  afterAll(() => {
    a.dispose();
    b.dispose();
    folder.remove();
  });

  it('never answers api.internal for a record a trusted hub sent and import accepted', async () => {
    let sequence = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bundles, async (list) => {
        forget();
        for (const g of list) await importBundle(g);
        await readEverything();
      }),
      { numRuns: 60 },
    );
    // Not a vacuous property: most generated records get in.
    expect(accepted).toBeGreaterThan(60);
    expect(internal).toEqual([]);

    /** Each run starts from a hub that holds nothing of A's, so a counterexample stands alone. */
    function forget(): void {
      const db = b.core.ctx.db;
      db.transaction(() => {
        for (const sql of [
          'DELETE FROM item_barcodes WHERE item_id IN (SELECT id FROM items WHERE origin_site = @o)',
          'DELETE FROM item_names WHERE item_id IN (SELECT id FROM items WHERE origin_site = @o)',
          'DELETE FROM items WHERE origin_site = @o',
          'DELETE FROM category_names WHERE category_id IN (SELECT id FROM categories WHERE origin_site = @o)',
          'DELETE FROM categories WHERE origin_site = @o',
          'DELETE FROM needs_offers WHERE origin_site = @o',
          'DELETE FROM exchange_records WHERE origin_site = @o',
        ])
          db.prepare(sql).run({ o: a.id });
      })();
    }

    async function importBundle(g: BundleShape): Promise<void> {
      sequence += 1;
      const key = a.privateKey();
      const u = new Date(near).toISOString();
      const lines = new Map<string, string[]>(PART_NAMES.map((p) => [p, []]));
      const add = (t: RecordEnvelope['t'], id: string, d: Record<string, unknown>) => {
        lines.get(PART_OF[t])!.push(signRecord({ t, id, o: a.id, v: sequence, u, d }, key));
      };
      const seen = new Set<string>();
      const once = (k: string) => !seen.has(k) && (seen.add(k), true);
      for (const [id, d] of g.categories) if (once(`c/${id}`)) add('category', id, d);
      for (const [id, d] of g.items) if (once(`i/${id}`)) add('item', id, d);
      for (const [id, d] of g.offers) if (once(`n/${id}`)) add('need_offer', id, d);
      if (g.board) add('board', a.id, g.board);
      for (const d of g.weekly) if (once(`w/${d.week}`)) add('weekly', `${a.id}:${d.week}`, d);
      lines.set('sites.jsonl', [JSON.stringify({ format: 'mak-card', version: 1, ...card })]);
      const manifest: Manifest = {
        format: 'mak-share',
        version: 1,
        site: { id: a.id, name: card.name, publicKey: card.publicKey, keyId: 1 },
        sequence,
        created: u,
        parts: PART_NAMES.map((name) => ({ name, records: 0, bytes: 0, sha256: '0'.repeat(64) })),
      };
      const parts = new Map([...lines].map(([p, l]) => [p, l.length ? `${l.join('\n')}\n` : '']));
      const name = `run-${sequence}.makshare`;
      writeFileSync(join(folder.path, name), sealBundle({ manifest, parts }, key));

      const preview = await b.raw('exchange.preview', { folder: folder.path, name });
      expect(preview.ok, JSON.stringify(preview)).toBe(true);
      const p = (preview as { value: ImportPreview }).value;
      accepted += p.counts.reduce((n, c) => n + c.new + c.updated, 0);
      const applied = await b.raw('exchange.apply', { folder: folder.path, name, sha256: p.sha256 });
      expect(applied.ok, JSON.stringify(applied)).toBe(true);
    }

    async function readEverything(): Promise<void> {
      const items = b.core.ctx.db.prepare('SELECT id FROM items').pluck().all() as string[];
      const needs = b.core.ctx.db.prepare("SELECT id FROM needs_offers WHERE kind = 'need'").pluck().all() as string[];
      const barcodes = b.core.ctx.db.prepare('SELECT barcode FROM item_barcodes LIMIT 5').pluck().all() as string[];
      const itemNames = b.core.ctx.db.prepare('SELECT name FROM item_names LIMIT 5').pluck().all() as string[];
      const calls: [string, unknown][] = [];
      for (const language of ['en', 'ar'] as const) {
        calls.push(
          ['inventory.categories', { language }],
          ['intake.catalog', { language }],
          ['board.public', { language }],
          ['exchange.network', { language }],
        );
        for (const view of ['all', 'low', 'expiring'] as const)
          for (const sort of ['name', 'on_hand', 'expiry'] as const) calls.push(['inventory.stock', { language, view, sort, limit: 500 }]);
        for (const itemId of items) calls.push(['inventory.item', { itemId, language }]);
        for (const n of itemNames)
          if (n.trim() !== '') calls.push(['inventory.search', { query: [...n.trim()].slice(0, 80).join(''), language }]);
        for (const barcode of barcodes) calls.push(['inventory.scan', { barcode, language }]);
      }
      for (const itemId of items) calls.push(['inventory.history', { itemId }]);
      for (const needId of needs) calls.push(['board.suggest', { needId }]);
      calls.push(['board.list', {}], ['board.gaps', {}], ['inventory.export_csv', {}], ['exchange.log', {}], ['exchange.sites', {}]);
      for (const [channel, input] of calls) {
        const r = await b.raw(channel, input);
        expect(
          r.ok || r.error.code,
          `${channel} ${JSON.stringify(input)}: ${String((internal.at(-1) as { err?: unknown } | undefined)?.err)}`,
        ).not.toBe('api.internal');
      }
    }
    // Sixty imports, each read back through every channel: seconds, longer on a busy machine.
  }, 180_000);
});
