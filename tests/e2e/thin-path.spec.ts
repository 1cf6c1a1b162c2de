import { decodePng } from '../support/qr-decode';
import { expect, test } from './fixtures';
import { KioskPage, PickupPage } from './pages/kiosk-page';

test.describe('first run', () => {
  test.use({ site: 'fresh' });

  test('a coordinator sets the hub up, and the kiosk opens with the chosen languages', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(page.getByRole('heading', { name: 'Set up this hub' })).toBeVisible();
    await page.getByLabel('Name of this hub').fill('Northside Pantry');
    // Every shipped language is offered to start with; this hub keeps English and Arabic.
    const group = page.getByRole('group', { name: 'Languages offered on the kiosk' });
    for (const name of await group.getByRole('button').allTextContents()) {
      if (name !== 'English' && name !== 'العربية') await group.getByRole('button', { name, exact: true }).click();
    }
    await expect(page.getByRole('button', { name: 'العربية' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'false');
    await page.getByLabel('Coordinator PIN (4 to 8 digits)').fill('2468');
    await page.getByLabel('PIN again').fill('2460');
    await page.getByRole('button', { name: 'Open the kiosk' }).click();
    await expect(page.getByRole('alert')).toHaveText('The two PINs are not the same.');
    await page.getByLabel('PIN again').fill('2468');
    await page.getByRole('button', { name: 'Open the kiosk' }).click();

    const k = new KioskPage(page);
    await expect(k.heading()).toHaveText('Welcome');
    await expect(page.getByText('Northside Pantry')).toBeVisible();
    await expect(k.language('English')).toBeVisible();
    await expect(k.language('العربية')).toBeVisible();
    await expect(k.language('Español')).toHaveCount(0);
    // Stored in SQLite, not in the page.
    expect(kiosk.core.ctx.db.prepare('SELECT name FROM site').get()).toEqual({ name: 'Northside Pantry' });
  });

  test('a coordinator who leaves their name empty is called “coordinator” in the language volunteers read', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await page.getByLabel('Name of this hub').fill('Centro Comunitario');
    await expect(page.getByLabel('Your name')).toHaveValue('');
    await page.getByLabel('Language for volunteers and reports').selectOption('es');
    await page.getByLabel('Coordinator PIN (4 to 8 digits)').fill('2468');
    await page.getByLabel('PIN again').fill('2468');
    await page.getByRole('button', { name: 'Open the kiosk' }).click();
    // The setup screen's own heading is a level-1 heading too: wait for it to give way to the kiosk.
    await expect(page.getByRole('heading', { name: 'Set up this hub' })).toHaveCount(0);
    await expect(new KioskPage(page).heading()).toBeVisible();
    expect(kiosk.core.ctx.db.prepare('SELECT name, role FROM volunteers').all()).toEqual([{ name: 'Coordinador/a', role: 'coordinator' }]);
  });
});

test('a visitor gets a slip in Arabic, right to left, and the pickup table redeems it once', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new KioskPage(page);
  await k.language('العربية').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await k.button('أحتاج شيئًا').click();
  await expect(k.heading()).toHaveText('لمن هذه القسيمة؟');

  const children = k.stepper('الأطفال');
  await children.more.click();
  await children.more.click();
  await expect(children.value).toHaveText('2');
  await expect(page.getByText('3 أشخاص')).toBeVisible();
  await k.button('التالي').click();
  await expect(k.heading()).toHaveText('ماذا تحتاج؟');
  // A slip is for something asked for (a visit asking for nothing gets none).
  await page.getByRole('button', { name: /^أرز/ }).first().click();
  await k.button('التالي').click();
  await k.button('تخطٍّ').click();
  await expect(k.heading()).toHaveText('هل هذا صحيح؟');
  await k.button('أعطني القسيمة').click();
  await expect(k.heading()).toHaveText('قسيمة الاستلام');

  // The QR on screen decodes, with a real decoder, to the signed payload core stored.
  await expect(k.qr()).toBeVisible();
  const decoded = decodePng(await k.qr().screenshot());
  const stored = kiosk.core.ctx.db
    .prepare('SELECT payload, short_code AS shortCode FROM slips ORDER BY issued_at DESC, rowid DESC LIMIT 1')
    .get() as {
    payload: string;
    shortCode: string;
  };
  expect(decoded).toBe(stored.payload);
  await expect(k.shortCode()).toHaveText(stored.shortCode);

  await k.button('تم').click();
  await expect(k.heading()).toHaveText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  // The pickup table, behind the PIN, in the site's language.
  await k.button('Volunteer').click();
  const pickup = new PickupPage(page);
  await pickup.logIn('1111');
  await pickup.find(stored.shortCode.toLowerCase());
  await expect(page.getByText('Household of 3')).toBeVisible();
  await page.getByRole('button', { name: 'Mark picked up' }).click();
  await expect(page.getByRole('status')).toHaveText('Picked up. Thank you!');

  // The same slip again, scanned this time (the scanner types the digits and Enter).
  await pickup.codeInput().fill(decoded ?? '');
  await pickup.codeInput().press('Enter');
  await expect(page.getByRole('status')).toContainText('Already picked up at');
  await expect(page.getByRole('status')).toContainText('table 1');
  await expect(page.getByRole('button', { name: 'Mark picked up' })).toHaveCount(0);
});

test('a wrong PIN and a forged slip get clear messages', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new KioskPage(page);
  await k.button('Volunteer').click();
  const pickup = new PickupPage(page);
  await pickup.logIn('0000');
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right.');
  await pickup.logIn('1234');
  const digits = (kiosk.core.ctx.db.prepare('SELECT payload FROM slips LIMIT 1').get() as { payload: string }).payload;
  const forged = digits.slice(0, 60) + String((Number(digits[60]) + 1) % 10) + digits.slice(61);
  await pickup.find(forged);
  await expect(page.getByRole('alert')).toHaveText(/This slip is not valid|This code could not be read|This slip was not made at this hub/);
  await pickup.find('ZZZZ-ZZZZ');
  await expect(page.getByRole('alert')).toHaveText('No slip with this code.');
});

test('screenshots of the kiosk in English and Arabic', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);
  const k = new KioskPage(page);
  await expect(k.heading()).toHaveText('Welcome');
  await page.screenshot({ path: testInfo.outputPath('language-en.png') });
  await k.language('العربية').click();
  await k.button('أحتاج شيئًا').click();
  await page.screenshot({ path: testInfo.outputPath('household-ar.png') });
  await k.button('التالي').click();
  await page.getByRole('button', { name: /^أرز/ }).first().click();
  await k.button('التالي').click();
  await k.button('تخطٍّ').click();
  await k.button('أعطني القسيمة').click();
  await expect(k.qr()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('slip-ar.png') });
  await k.button('تم').click();
  await k.language('English').click();
  await k.button('I need something').click();
  await page.screenshot({ path: testInfo.outputPath('household-en.png') });
});

test('the build ships the font licence and no source files', async ({ request, kiosk }) => {
  const licence = await request.get(`${kiosk.url}licenses/fonts-OFL.txt`);
  expect(licence.status()).toBe(200);
  expect(await licence.text()).toContain('SIL OPEN FONT LICENSE');
  expect((await request.get(`${kiosk.url}PublicScreen.tsx`)).status()).toBe(404);
});
