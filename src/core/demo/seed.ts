import { LOCALE_CODES } from '../../shared/locales';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { recordMovement } from '../inventory/ledger';
import { seedInventoryDemo } from '../inventory/demo';
import { addVolunteer, readSite, setUpSite } from '../site/site-service';
import type { IntakeService } from '../intake/intake-service';
import { DEMO_CATEGORIES, DEMO_ITEMS } from './catalogue';
import { seedDemoPickups } from '../slips/demo';
import { seedBoardDemo } from './board';
import { DAY_MS, isoDay } from '../../shared/time';

export const DEMO_PINS = { coordinator: '1234', intake: '1111', stock: '2222' } as const;

/**
 * Fills an empty site with a living hub: the catalogue in every language, stock with lots and
 * expiry dates, volunteers for each role, a few households and their slips, needs and offers.
 * Does nothing on a site that already has items, so `--demo` never overwrites real data.
 */
export function seedDemo(ctx: CoreContext, intake: IntakeService): boolean {
  const hasItems = ctx.db.prepare('SELECT 1 FROM items LIMIT 1').get();
  if (hasItems) return false;
  if (!readSite(ctx)) {
    setUpSite(ctx, {
      name: 'Eastside Community Hub',
      languages: [...LOCALE_CODES],
      siteLanguage: 'en',
      pin: DEMO_PINS.coordinator,
    });
  }
  const site = readSite(ctx);
  if (!site) return false;
  const at = nowIso(ctx);
  const today = ctx.clock.now().getTime();

  ctx.db
    .transaction(() => {
      addVolunteer(ctx, { name: 'Intake volunteer', role: 'intake', pin: DEMO_PINS.intake });
      addVolunteer(ctx, { name: 'Stock volunteer', role: 'stock', pin: DEMO_PINS.stock });

      const categoryIds = new Map<string, string>();
      DEMO_CATEGORIES.forEach((c, sort) => {
        const id = ctx.ids.uuid();
        categoryIds.set(c.key, id);
        ctx.db.prepare('INSERT INTO categories (id, origin_site, icon, sort) VALUES (?, ?, ?, ?)').run(id, site.id, c.icon, sort);
        for (const [locale, name] of Object.entries(c.names)) {
          ctx.db.prepare('INSERT INTO category_names (category_id, locale, name) VALUES (?, ?, ?)').run(id, locale, name);
        }
      });

      for (const item of DEMO_ITEMS) {
        const id = ctx.ids.uuid();
        ctx.db
          .prepare(
            `INSERT INTO items (id, origin_site, category_id, unit, icon, limit_qty, limit_days, low_stock, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            site.id,
            categoryIds.get(item.category) ?? null,
            item.unit,
            item.icon,
            item.limit?.qty ?? null,
            item.limit?.days ?? null,
            item.lowStock,
            at,
            at,
          );
        for (const [locale, name] of Object.entries(item.names)) {
          ctx.db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)').run(id, locale, name);
        }
        for (const barcode of item.barcodes) {
          ctx.db.prepare('INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)').run(barcode, id);
        }
        for (const lot of item.lots) {
          const lotId = ctx.ids.uuid();
          const expires = lot.expiresInDays === null ? null : isoDay(today + lot.expiresInDays * DAY_MS);
          ctx.db
            .prepare('INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES (?, ?, ?, ?, ?)')
            .run(lotId, id, lot.code, expires, at);
          recordMovement(ctx, { itemId: id, lotId, kind: 'receive', qty: lot.qty, source: 'Regional Food Bank', volunteer: 'Demo' });
        }
      }
    })
    .immediate();
  seedInventoryDemo(ctx);

  // A few households who came by this morning, each with a slip.
  const catalog = intake.catalog('en');
  const pick = (n: number) => catalog.slice(n, n + 2).map((i) => ({ itemId: i.id, qty: 1 }));
  const families = [
    { language: 'fa', household: { adults: 2, children: 3, seniors: 1 } },
    { language: 'es', household: { adults: 2, children: 2 } },
    { language: 'ar', household: { adults: 1, children: 1 } },
    { language: 'en', household: { seniors: 1 } },
  ] as const;
  families.forEach((f, n) => {
    if (!site.settings.languages.includes(f.language as never) || !pick(n * 3).length) return;
    intake.submit({ requestId: ctx.ids.uuid(), language: f.language as never, household: { ...f.household }, needs: pick(n * 3) });
  });
  seedDemoPickups(ctx);

  const needsOffers = [
    { kind: 'offer', category: 'cooking', detail: 'Can teach Afghan cooking', languages: ['fa'], availability: 'Saturdays' },
    { kind: 'need', category: 'ride', detail: 'Ride to the clinic', languages: ['es'], availability: 'Tuesday morning' },
    {
      kind: 'offer',
      category: 'translation',
      detail: 'Can help with forms in Arabic',
      languages: ['ar', 'en'],
      availability: 'Weekday evenings',
    },
    { kind: 'need', category: 'furniture', detail: 'A crib', languages: ['en'], availability: null },
  ] as const;
  for (const n of needsOffers) {
    ctx.db
      .prepare(
        `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, availability, shareable, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(ctx.ids.uuid(), site.id, n.kind, n.category, n.detail, JSON.stringify(n.languages), n.availability, at);
  }
  seedBoardDemo(ctx, intake);
  return true;
}
