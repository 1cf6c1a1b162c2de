import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { IntakePage } from './pages/intake-page';

// Issue 15: a hub whose catalogue has grown to thousands of items still opens the needs screen
// as fast as a usual one: the first tiles paint with the page, the rest mount as they near it.
const ITEMS = 3_000;

test('a catalogue of three thousand items: the needs screen holds a window of tiles, and a far one is there when scrolled to', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  const { core } = kiosk;
  const rows = Array.from({ length: ITEMS }, (_, i) => `,Canned & dry goods,pack,,,,,,,Bulk item ${String(i).padStart(4, '0')}`);
  const header = 'id,category,unit,icon,barcodes,tags,limit_qty,limit_days,low_stock,name_en';
  const imported = core.services.catalogue.importCsv([header, ...rows].join('\n'), 'all');
  expect(imported).toMatchObject({ imported: true, created: ITEMS, issues: [] });
  const ids = core.ctx.db
    .prepare("SELECT item_id FROM item_names WHERE locale = 'en' AND name LIKE 'Bulk item %'")
    .pluck()
    .all() as string[];
  expect(ids).toHaveLength(ITEMS);
  core.ctx.db.transaction(() => {
    for (const itemId of ids) {
      core.services.stock.receive(
        {
          requestId: randomUUID(),
          itemId,
          qty: 5,
          lotCode: null,
          expiresOn: null,
          source: 'food_bank',
          sourceName: null,
          acceptPastExpiry: false,
          weightG: null,
        },
        null,
      );
    }
  })();

  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('English', true).click();
  await k.button('I need something').click();
  await k.button('Next').click();
  const bulk = page.getByRole('region', { name: 'Canned & dry goods', exact: true });
  await expect(bulk.getByRole('button', { name: /^Bulk item 0000/ })).toBeVisible();
  // Not three thousand tiles at once: the pinned first screens and a window around the view.
  const tiles = () => bulk.locator('.item-tile').count();
  expect(await tiles()).toBeLessThan(600);

  // The last tile is reached by scrolling, and can be picked like any other.
  const last = bulk.getByRole('button', { name: /^Bulk item 2999/ });
  // The visitor flings the long list to its foot, past the tile (below it come the other kinds
  // of food: the tile is out of the window there, and its block not mounted), then looks back up
  // a flick at a time until it is there. Each flick gives the window a moment to mount what
  // comes near. (Flicking down until the tile showed was a race: on a busy machine the window
  // follows a frame or two behind, a flick could carry the page past the block before it
  // mounted, and at the foot nothing more ever scrolled: one run in five failed that way.)
  const atFoot = () => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 200_000);
      return atFoot();
    })
    .toBe(true);
  await expect(page.getByRole('heading', { name: 'Other help' })).toBeInViewport();
  expect(await last.count()).toBe(0);
  await expect
    .poll(
      async () => {
        if ((await last.count()) === 0) await page.mouse.wheel(0, -600);
        return last.count();
      },
      { timeout: 90_000, intervals: [100, 250, 500] },
    )
    .toBeGreaterThan(0);
  await last.click();
  await expect(last).toHaveAttribute('aria-pressed', 'true');
  expect(await tiles()).toBeLessThan(600);
});
