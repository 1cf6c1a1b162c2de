import type { Request, Route } from '@playwright/test';
import { contract } from '../../src/shared/api/contract';
import { expect, test } from './fixtures';
import { StockRoomPage } from './pages/stock-room-page';

const searched = (request: Request): unknown => (request.postDataJSON() as { input?: { search?: unknown } }).input?.search;

test('the stock list shows what was last searched for, even when an older search answers last', async ({ page, kiosk }) => {
  const names = (search: string) =>
    kiosk.core.services.stock.stock(contract['inventory.stock'].input.parse({ language: 'en', search })).rows.map((r) => r.name);
  const rice = names('rice');
  // The test means something only if the two searches list different items.
  expect(names('ri')).not.toEqual(rice);

  // The hub answers "ri" only after it has answered "rice": the slow Wi-Fi of a station.
  let riceAnswered!: () => void;
  const riceDone = new Promise<void>((resolve) => (riceAnswered = resolve));
  await page.route('**/api/inventory.stock', async (route: Route) => {
    const search = searched(route.request());
    if (search === 'ri') {
      await riceDone;
      await route.continue();
    } else if (search === 'rice') {
      await route.fulfill({ response: await route.fetch() });
      riceAnswered();
    } else await route.continue();
  });

  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  await room.tab('Stock list').click();
  const items = room.stockTable().getByRole('rowheader').getByRole('button');
  await expect(items.first()).toBeVisible();

  const riAnswer = page.waitForResponse((r) => r.url().endsWith('/api/inventory.stock') && searched(r.request()) === 'ri');
  const field = page.getByLabel('Search by name or barcode');
  await field.fill('ri');
  await field.fill('rice');
  await expect(items).toHaveText(rice);
  await (await riAnswer).finished();
  // Two frames after the late answer came in: time for the page to handle it and paint, with no clock involved.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(items).toHaveText(rice);
  await expect(page.getByRole('status')).toHaveText(`Items: ${rice.length}`);
});
