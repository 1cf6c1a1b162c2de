import { wcagAudit } from './a11y';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Kiosk } from './fixtures';
import { decodePng } from '../support/qr-decode';
import { expect, test } from './fixtures';
import { PickupTable } from './pages/pickup-page';

/** A slip as the kiosk issues it, for a visitor in `language`, with the first `n` items. */
function issue(kiosk: Kiosk, language: 'ar' | 'en', n = 2, qty = 1) {
  const items = kiosk.core.services.intake.catalog(language).slice(0, n);
  const slip = kiosk.core.services.intake.submit({
    requestId: randomUUID(),
    language,
    household: { adults: 2, children: 1 },
    needs: items.map((i) => ({ itemId: i.id, qty })),
  });
  if (!slip) throw new Error('no slip issued');
  return slip;
}

/** WCAG 2.2 AA through axe. */
async function axeViolations(page: Page) {
  const result = await wcagAudit(page);
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
}

async function shot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path });
}

test('a scanner burst anywhere on the pickup screen brings the slip up; the pick list goes by expiry', async ({ page, kiosk }) => {
  const slip = issue(kiosk, 'ar', 2);
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  await expect(page.getByRole('heading', { name: 'Pickup table' })).toBeVisible();
  // Focus away from the code field: the scanner must work anywhere on the screen.
  await page.getByRole('heading', { name: 'Pickup table' }).click();
  await table.scan(slip.qrDigits);
  await expect(table.slip()).toBeVisible();
  await expect(table.slip().getByText(slip.shortCode)).toBeVisible();
  await expect(table.codeInput()).toHaveValue('');
  const lots = table.slip().getByRole('list', { name: 'Pick list' });
  await expect(lots.getByText(/take 1/)).toHaveCount(2);
  // Use-by dates as a volunteer reads them ("use by Dec 5, 2026"), never as digits to decode.
  await expect(lots).toContainText(/use by [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(lots).not.toContainText(/\d{4}-\d{2}-\d{2}/);
});

test('ordinary typing in a text field does not trigger the scanner; a burst there still scans', async ({ page, kiosk }) => {
  const first = issue(kiosk, 'en', 1);
  const second = issue(kiosk, 'en', 1);
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  await table.typeCode(first.shortCode);
  await expect(table.slip().getByText(first.shortCode)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel slip' }).click();
  const reason = page.getByLabel('Reason for cancelling');
  // A person types eight-plus characters at human speed and presses Enter: the field gets them.
  await reason.pressSequentially(second.shortCode, { delay: 110 });
  await expect(reason).toHaveValue(second.shortCode);
  await expect(table.slip().getByText(first.shortCode)).toBeVisible();
  await reason.fill('');
  await reason.pressSequentially('Printed twice', { delay: 90 });
  await reason.press('Enter');
  await expect(table.status()).toHaveText('Cancelled: Printed twice');
  // A burst while a person is typing in a text field: it is a scan, not text for the field.
  await table.typeCode(second.shortCode);
  await page.getByRole('button', { name: 'Cancel slip' }).click();
  const field = page.getByLabel('Reason for cancelling');
  await field.pressSequentially('Lost', { delay: 120 });
  await expect(field).toHaveValue('Lost');
  // Not a wait for the page: the time a hand takes from the keyboard to the scanner is the scenario.
  await page.waitForTimeout(400);
  await table.scan(first.qrDigits);
  await expect(table.slip().getByText(first.shortCode)).toBeVisible();
  await expect(table.status()).toHaveText('Cancelled: Printed twice');
  expect(kiosk.core.services.slips.pickupView(second.id).status.state).toBe('issued');
});

test('partial pickup: beans are out, marked not available, the rest is given in one go', async ({ page, kiosk }) => {
  const slip = issue(kiosk, 'ar', 2, 1);
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  await table.typeCode(slip.shortCode.toLowerCase().replace('-', ' '));
  const first = slip.lines[0];
  if (!first) throw new Error('slip without lines');
  const view = kiosk.core.services.slips.pickupView(slip.id);
  const firstLine = view.pickList[0];
  if (!firstLine) throw new Error('no pick line');
  await table.slip().getByRole('button', { name: 'Not available' }).first().click();
  await page.getByRole('button', { name: 'Mark picked up' }).click();
  await expect(table.status()).toHaveText(/Picked up in part/);
  await expect(table.slip().getByText('Not available')).toBeVisible();
  const lines = kiosk.core.ctx.db
    .prepare('SELECT item_id AS itemId, outcome FROM redemption_lines WHERE slip_id = ? ORDER BY outcome')
    .all(slip.id);
  expect(lines).toEqual([
    { itemId: view.pickList[1]?.itemId, outcome: 'given' },
    { itemId: firstLine.itemId, outcome: 'not_available' },
  ]);
  // The same slip scanned at the other table: when and where.
  await page.getByRole('button', { name: 'Next slip' }).click();
  await table.scan(slip.qrDigits);
  await expect(table.status()).toContainText('Already picked up at');
});

test('the day view counts issued, picked up and still to come', async ({ page, kiosk }) => {
  const a = issue(kiosk, 'en', 1);
  issue(kiosk, 'en', 1);
  kiosk.core.services.slips.redeem(a.id, '2', 'Sam');
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  await page.getByRole('button', { name: "Today's slips" }).click();
  const day = kiosk.core.services.slips.day();
  const counts = page.getByRole('definition');
  await expect(counts.nth(0)).toHaveText(String(day.issued));
  await expect(counts.nth(1)).toHaveText(String(day.pickedUp));
  await expect(counts.nth(4)).toHaveText(String(day.outstanding));
  await page.getByRole('button', { name: a.shortCode }).click();
  await expect(table.status()).toContainText('Already picked up at');
});

for (const language of ['en', 'ar'] as const) {
  test(`printed slips (58 mm, 80 mm, A4) in ${language}: the QR in each decodes and redeems`, async ({ page, kiosk }, testInfo) => {
    const slip = issue(kiosk, language, 3);
    await page.goto(kiosk.url);
    const table = new PickupTable(page);
    await table.open();
    await table.typeCode(slip.shortCode);
    await page.getByRole('button', { name: 'Print again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print the slip' });
    await expect(dialog).toBeVisible();
    const printed = page.getByTestId('print-area');
    for (const [paper, label] of [
      ['58', '58 mm receipt'],
      ['80', '80 mm receipt'],
      ['a4', 'A4 page'],
    ] as const) {
      await dialog.getByRole('button', { name: label }).click();
      await expect(printed.locator(`[data-paper="${paper}"]`)).toBeVisible();
      await shot(page, testInfo.outputPath(`print-dialog-${paper}-${language}.png`));
      // What the printer gets: print CSS shows the slip and nothing else.
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: testInfo.outputPath(`slip-${paper}-${language}.png`), fullPage: true });
      const png = await printed.locator('.print-qr').screenshot();
      await page.emulateMedia({ media: 'screen' });
      expect(decodePng(png), `QR on ${paper}`).toBe(slip.qrDigits);
      await expect(printed.getByText(slip.shortCode)).toBeVisible();
      if (language === 'ar') {
        await expect(printed.getByText('قسيمة الاستلام')).toBeVisible();
        await expect(printed.getByText('Pickup slip')).toBeVisible();
      }
      // Nothing personal on paper.
      await expect(printed).not.toContainText(/Household/);
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The decoded QR verifies and redeems at the pickup table.
    await table.scan(slip.qrDigits);
    await page.getByRole('button', { name: 'Mark picked up' }).click();
    await expect(table.status()).toHaveText('Picked up. Thank you!');
  });
}

test('screenshots of the pickup screen in English and Arabic', async ({ page, kiosk }, testInfo) => {
  const slip = issue(kiosk, 'ar', 3);
  for (const language of ['en', 'ar'] as const) {
    kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', ?)").run(language);
    await page.goto(kiosk.url);
    const table = new PickupTable(page);
    if (language === 'en') await table.open();
    else {
      await page
        .getByRole('button', { name: 'متطوع' })
        .or(page.getByRole('button', { name: 'Volunteer' }))
        .first()
        .click();
      for (const digit of '1111') await page.getByRole('button', { name: digit, exact: true }).click();
      await page
        .getByRole('button', { name: /OK|موافق|حسنًا/ })
        .first()
        .click();
    }
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await page.locator('#slip-code').fill(slip.shortCode);
    await page.locator('#slip-code').press('Enter');
    await expect(page.locator('.pick-list')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`pickup-${language}.png`) });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.pickup-views .tab').nth(1).click();
    await expect(page.locator('.day-counts')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`day-${language}.png`) });
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('the coordinator starts a new signing key; slips from before and after both scan', async ({ page, kiosk }) => {
  const before = issue(kiosk, 'en', 1);
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open('1234');
  // Other features add sections for the coordinator; the pickup table is a tab among them.
  const tab = page.getByRole('navigation').getByRole('button', { name: 'Pickup table' });
  if (await tab.count()) await tab.click();
  await page.getByRole('button', { name: "Today's slips" }).click();
  await expect(page.getByText(/Key 1: in use since/)).toBeVisible();
  await page.getByRole('button', { name: 'Start a new key' }).click();
  await page.getByRole('button', { name: 'Yes, start a new key' }).click();
  await expect(page.getByRole('status')).toHaveText('A new key is in use.');
  await expect(page.getByText(/Key 1: retired/)).toBeVisible();
  const after = issue(kiosk, 'en', 1);
  expect(kiosk.core.ctx.db.prepare('SELECT key_id FROM slips WHERE id = ?').get(after.id)).toEqual({ key_id: 2 });
  await page.getByRole('button', { name: 'Scan slips' }).click();
  for (const slip of [before, after]) {
    await table.scan(slip.qrDigits);
    await expect(table.slip().getByText(slip.shortCode)).toBeVisible();
  }
});
