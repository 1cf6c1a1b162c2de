import { isolate as i } from '../../src/shared/slips/bidi';
import { wcagAudit } from './a11y';
import { expect, test } from './fixtures';
import { StockRoomPage } from './pages/stock-room-page';
import { usbScan } from './usb-scanner';

const onHand = (core: { ctx: { db: { prepare(sql: string): { get(...a: unknown[]): unknown } } } }, name: string) =>
  (
    core.ctx.db
      .prepare(
        "SELECT COALESCE(SUM(o.qty), 0) AS n FROM on_hand o JOIN item_names n ON n.item_id = o.item_id AND n.locale = 'en' WHERE n.name = ?",
      )
      .get(name) as { n: number }
  ).n;

test('a first-day volunteer receives cans by scanning, and adds an unknown barcode as a new item', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  await expect(page.getByRole('heading', { name: 'Receive stock' })).toBeVisible();
  const before = onHand(kiosk.core, 'Black beans, 15 oz');

  // The scanner types into the focused field: digits, then Enter.
  await expect(room.scanField()).toBeFocused();
  await room.scan('084879544544');
  const form = room.receiveForm();
  await expect(form.getByText('Black beans, 15 oz')).toBeVisible();
  for (let i = 0; i < 4; i += 1) await form.getByRole('button', { name: '+10' }).click();
  await form.getByRole('button', { name: 'Fewer Quantity' }).click();
  await expect(form.getByRole('group', { name: 'Quantity' }).locator('output')).toHaveText('40');
  await form.getByLabel('Where it came from').selectOption('food_bank');
  await form.getByLabel('Donor or sender (optional)').fill('Regional Food Bank');
  await form.getByLabel('Expiry date (optional)').fill('2028-03-01');
  await page.screenshot({ path: testInfo.outputPath('receive-en.png') });
  const axe = await wcagAudit(page);
  expect(
    axe.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
  await form.getByRole('button', { name: 'Receive', exact: true }).click();
  await expect(room.status()).toHaveText(`Received ${i('40')} × ${i('Black beans, 15 oz')}. On hand now: ${i(String(before + 40))}.`);
  expect(onHand(kiosk.core, 'Black beans, 15 oz')).toBe(before + 40);
  const last = kiosk.core.ctx.db
    .prepare("SELECT volunteer, source, qty FROM movements WHERE kind = 'receive' ORDER BY rowid DESC LIMIT 1")
    .get();
  expect(last).toEqual({ volunteer: 'Stock volunteer', source: 'food_bank|Regional Food Bank', qty: 40 });

  // The scanner also works when the focus is on a button, not in the field.
  await page.getByRole('button', { name: 'Find' }).focus();
  await room.scan('4006381333931');
  await expect(page.getByText('Barcode 4006381333931 is not in the catalogue yet.', { exact: false })).toBeVisible();
  const create = page.getByRole('form', { name: 'New item' });
  await expect(create.getByLabel('Barcodes (separate with spaces)')).toHaveValue('4006381333931');
  await create.getByLabel('English').fill('Sunflower seeds, 200 g');
  await create.getByLabel('Unit').selectOption('pack');
  await create.getByRole('button', { name: 'Vegan' }).click();
  await create.getByRole('button', { name: 'Save item' }).click();
  await expect(room.receiveForm().getByText('Sunflower seeds, 200 g')).toBeVisible();
  await room.receiveForm().getByRole('button', { name: 'Receive', exact: true }).click();
  await expect(room.status()).toHaveText(`Received ${i('1')} × ${i('Sunflower seeds, 200 g')}. On hand now: ${i('1')}.`);
  // Other languages fall back to English, marked as not translated yet.
  const seeds = kiosk.core.services.stock.search('sunflower', 'fa', 5)[0];
  expect(seeds).toMatchObject({ name: 'Sunflower seeds, 200 g', untranslated: true, tags: ['vegan'], unit: 'pack' });

  // Donated diapers have no barcode: search by name, then add the item by that name.
  await room.scanField().fill('Diapers, size 5');
  await room.scanField().press('Enter');
  await page.getByRole('button', { name: 'Add “Diapers, size 5” as a new item' }).click();
  await expect(page.getByRole('form', { name: 'New item' }).getByLabel('English')).toHaveValue('Diapers, size 5');
  await page.getByRole('form', { name: 'New item' }).getByRole('button', { name: 'Save item' }).click();
  await expect(room.receiveForm().getByText('Diapers, size 5')).toBeVisible();

  // An unreadable code says so, in words.
  await room.scanField().fill('4006381333932');
  await room.scanField().press('Enter');
  await expect(page.getByRole('alert')).toHaveText('4006381333932 is not a valid barcode. Scan it again or check the digits.');

  // Search by name in another language finds the item too.
  await room.scanField().fill('frijoles negros');
  await room.scanField().press('Enter');
  await expect(page.getByRole('list', { name: 'Matching items' }).getByRole('button')).toHaveText(['Black beans, 15 oz']);
});

test('the low-stock view lists items at or under their threshold, and spoiled stock is marked with a reason', async ({
  page,
  kiosk,
}, testInfo) => {
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('2222');
  await room.tab('Stock list').click();
  await page.getByRole('button', { name: 'Low stock' }).click();
  const rows = room.stockTable().getByRole('rowheader');
  await expect(rows.first()).toBeVisible();
  await expect(rows).toContainText(['Breakfast cereal, 500 g', 'Butter, 250 g', 'Cooking oil, 1 L']);
  await expect(room.stockTable().getByRole('row', { name: /Rice, 5 kg/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('low-stock-en.png') });

  // Milk is expiring; mark 2 spoiled.
  await page.getByRole('button', { name: 'Expiring soon' }).click();
  await room.stockTable().getByRole('button', { name: 'Milk, 1 L' }).click();
  // Expiry dates, in the list and the item's lots, as a volunteer reads them: "Dec 2, 2026".
  await expect(page.getByRole('table').first()).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.locator('body')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  const adjust = page.getByRole('form', { name: 'Take stock off or correct it' });
  await adjust.getByLabel('How many to take off').fill('2');
  await adjust.getByLabel('Note (optional)').fill('carton leaking');
  await adjust.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText('Recorded.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Spoiled' })).toContainText('carton leaking');
  await expect(page.getByRole('listitem').filter({ hasText: 'Spoiled' })).toContainText('Stock volunteer');
});

test('a stock count shows the differences and records them once as corrections', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);
  const room = new StockRoomPage(page);
  await room.open('1234');
  await page.getByRole('button', { name: 'Stock room' }).click();
  await room.tab('Stock count').click();
  await page.getByLabel('Search by name or barcode').fill('Rice, 5 kg');
  const inputs = page.getByRole('spinbutton', { name: /Counted: Rice, 5 kg/ });
  await expect(inputs).toHaveCount(2);
  // 12 + 20 in the system; the shelf has 10 + 20.
  await inputs.first().fill('10');
  await inputs.last().fill('20');
  await page.getByRole('button', { name: 'Review differences' }).click();
  await expect(page.getByText('Corrections to record: 1')).toBeVisible();
  await expect(page.getByRole('row', { name: /RFB-2402-118/ }).getByRole('cell')).toHaveText(['12', '10', '-2']);
  await expect(page.getByRole('row', { name: /RFB-2408-046/ }).getByRole('cell')).toHaveText(['20', '20', '0']);
  await page.screenshot({ path: testInfo.outputPath('count-review-en.png') });
  await page.getByRole('button', { name: 'Confirm count' }).click();
  await expect(page.getByRole('status')).toHaveText('Count saved. Corrections recorded: 1');
  expect(onHand(kiosk.core, 'Rice, 5 kg')).toBe(30);
  expect(kiosk.core.ctx.db.prepare("SELECT COUNT(*) AS n FROM movements WHERE reason LIKE 'count_correction%'").get()).toEqual({ n: 1 });
});

test('the stock room reads right to left in Arabic', async ({ page, kiosk }, testInfo) => {
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'المتطوعون' }).click();
  for (const digit of '2222') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'موافق', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'استلام بضاعة' })).toBeVisible();
  await usbScan(page, '084879544544');
  await expect(page.getByRole('form', { name: 'استلام هذا الصنف' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('receive-ar.png') });
  await page.getByRole('button', { name: 'قائمة المخزون' }).click();
  await page.getByRole('button', { name: 'مخزون منخفض' }).click();
  await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('low-stock-ar.png') });
  await page.getByRole('table').getByRole('rowheader').first().getByRole('button').click();
  await page.getByRole('button', { name: 'تعديل الصنف' }).click();
  await expect(page.getByRole('form', { name: 'تعديل الصنف' })).toBeVisible();
  await page.getByRole('form', { name: 'تعديل الصنف' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('editor-ar.png') });
  const axe = await wcagAudit(page);
  expect(
    axe.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
});
