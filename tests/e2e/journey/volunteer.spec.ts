import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import type { Kiosk } from '../fixtures';
import { expect, hubLanguage, person, test } from './hub';

// Issue 14, the volunteers' side (points 8, 9, 11, 12): what a stock volunteer, the pickup table
// and the coordinator meet on a Saturday after the hub imported Riverside's bundle. Touch only; a
// USB scanner types its code and Enter. Each story runs on the laptop (1366×768) and on the
// smaller one (1024×768); Shots looks at every step at all three sizes.

const RIVER = 'Riverside Commons';

/** What an import from Riverside leaves behind: its hub card, a shared need and offer, catalogue items. */
function seedRiverside(kiosk: Kiosk): void {
  const db = kiosk.core.ctx.db;
  const at = kiosk.clock.now().toISOString();
  db.prepare('INSERT INTO known_sites (id, name, public_key, fingerprint, trusted, first_seen_at) VALUES (?, ?, ?, ?, 1, ?)').run(
    'site-river',
    RIVER,
    Buffer.alloc(32, 7),
    'ABCD-EFGH-IJKL',
    at,
  );
  const entry = db.prepare(
    `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, shareable, status, created_at) VALUES (?, 'site-river', ?, 'ride', ?, '[]', 1, 'open', ?)`,
  );
  entry.run('river-need', 'need', 'A ride to the clinic in Riverside', at);
  entry.run('river-offer', 'offer', 'Riverside van on Saturdays', at);
  const item = db.prepare(
    `INSERT INTO items (id, origin_site, category_id, unit, icon, limit_qty, limit_days, low_stock, created_at, updated_at) VALUES (?, 'site-river', NULL, 'can', NULL, NULL, NULL, 5, ?, ?)`,
  );
  const name = db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
  for (const [id, en, ar] of [
    ['river-okra', 'Riverside okra', 'بامية ريفرسايد'],
    ['river-dates', 'Riverside dates', 'تمر ريفرسايد'],
  ] as const) {
    item.run(id, at, at);
    name.run(id, 'en', en);
    name.run(id, 'ar', ar);
  }
}

/** Counts calls to the browser's print instead of opening its dialog. */
async function countPrints(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void (w.printed += 1);
  });
  return () => page.evaluate(() => (window as unknown as { printed: number }).printed);
}

const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768', width: 1024, height: 768 },
] as const;

for (const lng of ['en', 'ar'] as const) {
  for (const size of SIZES) {
    test(`volunteers (${lng}, ${size.name}): letters scanned, other hubs' items apart, a count too large, the pick list, another hub's entries, the poster`, async ({
      page,
      kiosk,
    }) => {
      test.setTimeout(180_000);
      hubLanguage(kiosk, lng);
      seedRiverside(kiosk);
      await page.setViewportSize({ width: size.width, height: size.height });
      const { w, touch, scanner, shots } = person(page, lng, `volunteer-${lng}-${size.name}`);
      const number = (n: number) => new Intl.NumberFormat(lng).format(n);
      await page.goto(kiosk.url);

      // 9:00, the stock room. A label that is not a product barcode goes through the scanner.
      await touch.logIn(DEMO_PINS.stock);
      await expect(page.getByLabel(w('inventory:receive.scanLabel'))).toBeFocused();
      await scanner.scan('A7Z40Q8K21');
      await expect(page.getByRole('alert')).toHaveText(w('inventory:receive.lettersInBarcode', { code: '\u2068A7Z40Q8K21\u2069' }));
      await shots.step('letters-not-a-barcode');

      // A past expiry, tapped on the date picker: the warning says the day in words.
      await scanner.scan('084879544544');
      const form = page.getByRole('form', { name: w('inventory:receive.form') });
      await touch.tap(form.getByRole('button', { name: w('kiosk:date.open') }));
      const picker = form.getByRole('group', { name: w('kiosk:date.picker') });
      // The calendar opens on the computer's own month; the hub's clock says 28 November 2026.
      const title = picker.locator('.date-picker-title');
      const october = new Date(Date.UTC(2026, 9, 1));
      const target = new Intl.DateTimeFormat(lng, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(october);
      const back = w(Date.now() > october.getTime() ? 'kiosk:date.previousMonth' : 'kiosk:date.nextMonth');
      for (let i = 0; i < 240 && (await title.textContent()) !== target; i += 1)
        await touch.tap(picker.getByRole('button', { name: back }));
      await expect(title).toHaveText(target);
      const day = new Intl.DateTimeFormat(lng, { dateStyle: 'full', timeZone: 'UTC' }).format(october);
      await touch.tap(picker.getByRole('button', { name: day, exact: true }));
      await touch.tap(form.getByRole('button', { name: w('inventory:receive.submit'), exact: true }));
      const words = new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(october);
      const warning = page.getByRole('alert');
      await expect(warning).toHaveText(w('inventory:errors.expiry_past', { date: words }));
      await expect(warning).not.toContainText('2026-10-01');
      await shots.step('past-expiry-in-words');

      // The stock list: Riverside's catalogue is not in All nor in Low, but in its own view.
      const okra = lng === 'en' ? 'Riverside okra' : 'بامية ريفرسايد';
      await touch.tap(w('inventory:tabs.stock'));
      const table = page.getByRole('table');
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      await expect(table).not.toContainText(okra);
      await touch.tap(w('inventory:stock.view.low'));
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      await expect(table).not.toContainText(okra);
      // This hub's own shelves running low still say "Low".
      const lowAny = new RegExp(
        w('inventory:stock.low', { threshold: '#' })
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace('#', '\\p{Nd}+'),
        'u',
      );
      await expect(table.getByRole('row').nth(1)).toContainText(lowAny);
      await touch.tap(w('inventory:stock.view.elsewhere'));
      await expect(page.getByText(w('inventory:stock.elsewhereLead'))).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(3);
      await expect(table).toContainText(okra);
      // Known only from Riverside: not low here (this hub never had any), simply not stocked here.
      const okraRow = table.getByRole('row').filter({ hasText: okra });
      await expect(okraRow).toContainText(w('inventory:stock.notStockedHere'));
      await expect(table).not.toContainText(lowAny);
      await shots.step('stock-from-other-hubs');

      // A count no shelf could hold: the message names the field and why, in the reader's digits.
      await touch.tap(w('inventory:tabs.count'));
      await touch.tapNumber(page.getByRole('spinbutton').first(), '9999999');
      await touch.tap(w('inventory:count.review'));
      const reason = w('errors:reasons.too_big', { limit: number(100_000) });
      await expect(page.getByRole('alert')).toHaveText(w('errors:api.invalid_field', { field: w('errors:fields.counted'), reason }));
      await expect(page.getByRole('alert')).toBeInViewport();
      await shots.step('count-too-large');
      await touch.logOut();

      // 11:00, the pickup table: a slip of nine lines. The actions never sit over the list.
      const items = kiosk.core.services.intake.catalog('en').slice(0, 9);
      const slip = kiosk.core.services.intake.submit({
        requestId: randomUUID(),
        language: 'en',
        household: { adults: 2 },
        needs: items.map((i) => ({ itemId: i.id, qty: 1 })),
      });
      if (!slip) throw new Error('no slip issued');
      await touch.logIn(DEMO_PINS.intake);
      await expect(page.getByRole('heading', { name: w('pickup:title') })).toBeVisible();
      await scanner.scan(slip.qrDigits);
      const list = page.getByRole('list', { name: w('pickup:pickList') });
      await expect(list.locator('.pick-line')).toHaveCount(items.length);
      const bar = touch.button(w('pickup:markPickedUp')).locator('xpath=..');
      // In reach without scrolling: the slip takes the screen, the list scrolls in its own box.
      await expect(bar).toBeInViewport();
      await shots.step('pick-list');
      const overlaps = () =>
        page.evaluate(() => {
          const barBox = document.querySelector('.pickup-slip > .pickup-actions')!.getBoundingClientRect();
          const listBox = document.querySelector('.pick-list')!.getBoundingClientRect();
          return [...document.querySelectorAll('.pick-line')].filter((li) => {
            const r = li.getBoundingClientRect();
            // Shown: inside the window and inside the list's own (scrolling) box.
            const visible = r.bottom > Math.max(0, listBox.top) && r.top < Math.min(window.innerHeight, listBox.bottom);
            return visible && r.bottom > barBox.top && r.top < barBox.bottom;
          }).length;
        });
      // At the top of the slip, halfway, and at the end (as a finger would scroll): no line under the bar.
      for (const y of [0, 200, 100_000]) {
        await page.evaluate((to) => {
          window.scrollTo(0, to);
          document.querySelector('.pick-list')!.scrollTop = to;
        }, y);
        expect(await overlaps(), `scrolled to ${y}`).toBe(0);
      }
      await touch.logOut();

      // 14:00, the coordinator at the board: Riverside's need says whose it is, with no buttons.
      await touch.logIn(DEMO_PINS.coordinator);
      await touch.tap(w('board:nav'));
      const theirs = page.getByRole('article', { name: `${w('board:kind.need')}: A ride to the clinic in Riverside`, exact: true });
      await expect(theirs).toBeVisible();
      await expect(theirs).toContainText(w('board:fromHub', { hub: RIVER }));
      await expect(theirs).toContainText(w('board:otherHubActions', { hub: RIVER }));
      await expect(theirs.getByRole('button')).toHaveCount(0);
      await expect(theirs).not.toContainText(w('board:source.visitor'));
      const own = page.getByRole('article', { name: `${w('board:kind.need')}: Someone to host a Dari cooking workshop`, exact: true });
      await expect(own.getByRole('button', { name: w('board:renew'), exact: true })).toBeVisible();
      await theirs.scrollIntoViewIfNeeded();
      await shots.step('board-other-hub-need');
      await touch.tap(page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${w('board:tabs.offers')}`) }));
      const offer = page.getByRole('article', { name: `${w('board:kind.offer')}: Riverside van on Saturdays`, exact: true });
      await expect(offer).toContainText(w('board:fromHub', { hub: RIVER }));
      await expect(offer.getByRole('button')).toHaveCount(0);
      await offer.scrollIntoViewIfNeeded();
      await shots.step('board-other-hub-offer');

      // The waiting-room poster, from pantry gaps, in the hub's language; Print calls the print.
      await touch.tap(page.getByRole('navigation').getByRole('button', { name: w('board:tabs.gaps'), exact: true }));
      await touch.tap(w('board:public.poster'));
      await expect(page.getByRole('heading', { name: w('board:public.title') })).toBeVisible();
      const print = touch.button(w('board:public.print'));
      await expect(print).toBeVisible();
      await shots.step('poster');
      const printed = await countPrints(page);
      await touch.tap(print);
      expect(await printed()).toBe(1);
      await touch.tap(w('board:public.back'));
      await expect(touch.button(w('board:public.poster'))).toBeVisible();
      await touch.logOut();

      // The waiting-room TV, a screen of its own that nobody touches: no buttons on it.
      const tv = await page.context().newPage();
      await tv.setViewportSize({ width: size.width, height: size.height });
      await tv.goto(`${kiosk.url}#/public`);
      await expect(tv.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(tv.getByRole('region').first()).toBeVisible();
      await expect(tv.getByRole('button')).toHaveCount(0);
      await person(tv, lng, `volunteer-${lng}-${size.name}-tv`).shots.step('tv');
    });
  }
}
