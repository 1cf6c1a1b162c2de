import { createPublicKey } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FLOORS, SEARCH_TERMS } from '../../bench/benchmarks/ui';
import { generateSite, NOW } from '../../bench/scale-data';
import { foldText } from '../../src/core/inventory/text';
import { LOCALE_CODES } from '../../src/shared/locales';
import { NewEntry } from '../../src/shared/api/channels/board';
import { dayNumber } from '../../src/shared/time';
import { tempDir } from '../support/fixed';

// A fair floor answers with the same rows in the same order as the app: held to it here, on a tiny seeded site.
const dir = tempDir('kiosk-bench-floors-');
const site = generateSite(dir.path, { items: 120, households: 60, slips: 600 });
const db = new Database(site.file, { readonly: true });
db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldText(s) : null));
const { core } = site;
// A few matching rides on this morning's board, so suggestions are compared, not only empty lists.
for (const [kind, languages] of [
  ['need', ['en']],
  ['need', ['ar']],
  ['offer', ['en']],
  ['offer', ['ar', 'en']],
] as const) {
  core.services.board.add(NewEntry.parse({ kind, category: 'ride', languages, slots: 7 }));
}
afterAll(() => {
  db.close();
  core.close();
  dir.remove();
});

const ids = (xs: readonly { id?: string; itemId?: string }[]) => xs.map((x) => x.id ?? x.itemId);

describe('bench floors', () => {
  it('the needs screen floor lists the same items, in the same order, with the same availability', () => {
    for (const language of LOCALE_CODES) {
      const app = core.services.intake.catalog(language);
      const raw = FLOORS.rawCatalog(db, language);
      expect(raw.map((r) => [r.id, r.name, r.available])).toEqual(app.map((r) => [r.id, r.name, r.available]));
    }
  });

  it('the stock list and search floors return the same page and total', () => {
    let found = 0;
    const query = { categoryId: null, tag: null, view: 'all' as const, withinDays: 7, sort: 'name' as const, limit: 100, offset: 0 };
    for (const { language, term } of [{ language: 'en' as const, term: '' }, { language: 'ar' as const, term: '' }, ...SEARCH_TERMS]) {
      const app = core.services.stock.stock({ ...query, language, search: term });
      const raw = FLOORS.rawStock(db, language, term, 100);
      expect([raw.total, ids(raw.rows)], `${language} "${term}"`).toEqual([app.total, ids(app.rows)]);
      if (term !== '' && app.rows.length > 0) found += 1;
      expect(raw.rows.map((r) => [r.available, (r.lots as unknown[]).length])).toEqual(app.rows.map((r) => [r.available, r.lots.length]));
    }
    for (const view of ['low', 'expiring'] as const) {
      const app = core.services.stock.stock({ ...query, view, language: 'en', search: '' });
      const raw = FLOORS.rawStock(db, 'en', '', 100, view);
      expect(app.rows.length, view).toBeGreaterThan(0);
      expect([raw.total, ids(raw.rows)], view).toEqual([app.total, ids(app.rows)]);
    }
    // Searches in every script find something (an accent-less "cafe" still finds "café").
    expect(found).toBeGreaterThan(SEARCH_TERMS.length * 0.8);
  });

  it('the public screen floor shows the same items and help wanted', () => {
    for (const language of ['en', 'fa', 'zh-Hans'] as const) {
      const app = core.services.publicBoard.publicView(language);
      const raw = FLOORS.rawPublic(db, 'x', language);
      expect(app.have.length + app.need.length).toBeGreaterThan(0);
      // The same rows: items that tie on the screen's sort key may come in either order.
      const sorted = (xs: readonly (string | undefined)[]) => [...xs].sort();
      expect([sorted(ids(raw.have)), sorted(ids(raw.need)), raw.offersWanted]).toEqual([
        sorted(ids(app.have)),
        sorted(ids(app.need)),
        app.offersWanted,
      ]);
    }
  });

  it('the board floor lists the same entries with the same suggestions', () => {
    const app = core.services.matches.list(20);
    const raw = FLOORS.rawBoard(db, 20);
    expect(app.needs.length).toBeGreaterThan(0);
    expect(app.needs.some((n) => n.suggestions.length > 0)).toBe(true);
    expect(ids(raw.needs)).toEqual(ids(app.needs));
    expect(ids(raw.offers)).toEqual(ids(app.offers));
    expect([raw.needsTotal, raw.offersTotal, raw.needsNext, raw.offersNext]).toEqual([
      app.needsTotal,
      app.offersTotal,
      app.needsNext,
      app.offersNext,
    ]);
    expect(raw.needs.map((n) => n.suggestions.map((s) => s.offer?.id))).toEqual(app.needs.map((n) => n.suggestions.map((s) => s.offer.id)));
  });

  it('the scan floor verifies the slip and builds the same pick list', () => {
    const key = db.prepare('SELECT public_key FROM site_keys WHERE key_id = 1').get() as { public_key: Buffer };
    const pub = createPublicKey({ key: key.public_key, format: 'der', type: 'spki' });
    const slips = db.prepare('SELECT payload FROM slips WHERE issue_day = ? LIMIT 5').all(dayNumber(new Date(NOW))) as {
      payload: string;
    }[];
    const old = db.prepare('SELECT s.payload FROM slips s JOIN redemptions r ON r.slip_id = s.id LIMIT 5').all() as { payload: string }[];
    for (const { payload } of [...slips, ...old]) {
      const app = core.services.slips.lookup(payload);
      const raw = FLOORS.rawLookup(db, pub, payload);
      expect(raw.pickList.map((l) => [l.itemId, l.lots.map((x) => [x.lotId || null, x.qty])])).toEqual(
        app.pickList.map((l) => [l.itemId, l.lots.map((x) => [x.lotId, x.qty])]),
      );
    }
  });
});
