import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createCore, openDataDir } from '../../src/core/index';
import { startHost } from '../../src/host/server';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../support/fixed';
import { expect, test, type Kiosk } from './fixtures';
import { EN, ExchangePage } from './pages/exchange-page';
import { IntakePage } from './pages/intake-page';
import { PickupTable } from './pages/pickup-page';
import { usbScan } from './usb-scanner';

// A kiosk with a touch screen and no keyboard: every field here is filled by tapping on-screen
// keys (click on them), never by fill, type or the page's keyboard.

type Dict = { [key: string]: string | Dict };
const strings = (lng: string, ns: string) => JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8')) as Dict;
const s = (d: Dict, path: string) => path.split('.').reduce<string | Dict>((o, k) => (o as Dict)[k]!, d) as string;

const keyboard = (page: Page) => page.locator('.onscreen-keyboard');
async function tapKeys(on: Locator, text: string): Promise<void> {
  for (const ch of text) {
    const key = on.locator(`[data-skbtn="${ch === ' ' ? '{space}' : ch.replace(/["\\]/g, '\\$&')}"]`);
    // A capital is on the shift layer, which falls back after one key.
    if ((await key.count()) === 0) await on.locator('[data-skbtn="{shift}"]').click();
    await key.click();
  }
}

/** Empties a field with the on-screen backspace. */
async function tapClear(on: Locator, field: Locator): Promise<void> {
  for (let i = 0; i < 300 && (await field.inputValue()) !== ''; i += 1) await on.locator('[data-skbtn="{bksp}"]').click();
}

/** A volunteer taps their PIN on the PIN pad, in whichever language the hub speaks. */
async function tapPin(page: Page, pin: string): Promise<void> {
  await page
    .getByRole('button', { name: /^(Volunteer|المتطوعون|متطوع)$/ })
    .first()
    .click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page
    .getByRole('button', { name: /^(OK|موافق|حسنًا)$/ })
    .first()
    .click();
}

function issue(kiosk: Kiosk) {
  const items = kiosk.core.services.intake.catalog('en').slice(0, 2);
  const slip = kiosk.core.services.intake.submit({
    requestId: randomUUID(),
    language: 'en',
    household: { adults: 1 },
    needs: items.map((i) => ({ itemId: i.id, qty: 1 })),
  });
  // Asking for pantry items always gets a slip (only a visit that asks for nothing gets none).
  if (!slip) throw new Error('no slip issued');
  return slip;
}

const siteLanguage = (kiosk: Kiosk, language: string) =>
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', ?)").run(language);

test('pickup: the short code is tapped on the code keyboard and the slip comes up', async ({ page, kiosk }) => {
  const slip = issue(kiosk);
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  await table.codeInput().click();
  await expect(keyboard(page)).toBeVisible();
  await tapKeys(keyboard(page), slip.shortCode);
  await expect(table.codeInput()).toHaveValue(slip.shortCode);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(table.slip().getByText(slip.shortCode)).toBeVisible();
});

test('stock list: the search is tapped on the on-screen keyboard', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tapPin(page, '1234');
  await page.getByRole('button', { name: 'Stock room' }).click();
  await page.getByRole('button', { name: 'Stock list', exact: true }).click();
  await page.getByLabel('Search by name or barcode').click();
  await tapKeys(keyboard(page), 'rice');
  await expect(page.getByLabel('Search by name or barcode')).toHaveValue('rice');
  await expect(page.getByRole('row', { name: /Rice, 5 kg/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Black beans/ })).toHaveCount(0);
});

for (const language of ['en', 'ar'] as const) {
  test(`stock count (${language}): the counted numbers are tapped on the number pad`, async ({ page, kiosk }, testInfo) => {
    siteLanguage(kiosk, language);
    const inv = strings(language, 'inventory');
    await page.goto(kiosk.url);
    await tapPin(page, '1234');
    await page
      .getByRole('button', { name: s(inv, 'nav') })
      .first()
      .click();
    await page.getByRole('button', { name: s(inv, 'tabs.count'), exact: true }).click();
    await page.getByLabel(s(inv, 'stock.search')).click();
    if (language === 'en') await tapKeys(keyboard(page), 'Rice, 5 kg');
    const counts = language === 'en' ? page.getByRole('spinbutton', { name: /Rice, 5 kg/ }) : page.getByRole('spinbutton');
    if (language === 'en') await expect(counts).toHaveCount(2);
    // 12 + 20 in the system; the shelf has 10 + 20.
    await counts.first().click();
    const pad = page.locator('.number-pad');
    await expect(pad).toBeVisible();
    await tapKeys(pad, '10');
    await expect(counts.first()).toHaveValue('10');
    await page.screenshot({ path: testInfo.outputPath(`number-pad-${language}.png`) });
    if (language === 'ar') return;
    await counts.last().click();
    await tapKeys(pad, '20');
    await page.getByRole('button', { name: 'Review differences' }).click();
    await expect(page.getByText('Corrections to record: 1')).toBeVisible();
    await expect(page.getByRole('row', { name: /RFB-2402-118/ }).getByRole('cell')).toHaveText(['12', '10', '-2']);
  });

  test(`receiving (${language}): the lot's expiry is tapped on the date picker`, async ({ page, kiosk }, testInfo) => {
    siteLanguage(kiosk, language);
    const inv = strings(language, 'inventory');
    const kioskStrings = strings(language, 'kiosk');
    await page.goto(kiosk.url);
    await tapPin(page, '2222');
    // She sees the stock room, then a USB scanner finds the item (digits and Enter); the rest is by touch.
    await expect(page.getByRole('heading', { name: s(inv, 'receive.title') })).toBeVisible();
    await usbScan(page, '084879544544');
    const form = page.getByRole('form', { name: s(inv, 'receive.form') });
    await form.getByRole('button', { name: s(kioskStrings, 'date.open') }).click();
    const picker = form.getByRole('group', { name: s(kioskStrings, 'date.picker') });
    await expect(picker).toBeVisible();
    const title = picker.locator('.date-picker-title');
    const target = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2028, 2, 1)),
    );
    for (let i = 0; i < 120 && (await title.textContent()) !== target; i += 1)
      await picker.getByRole('button', { name: s(kioskStrings, 'date.nextMonth') }).click();
    await expect(title).toHaveText(target);
    // The earlier year's arrow points toward the start of the line: right in Arabic.
    await expect(picker.getByRole('button', { name: s(kioskStrings, 'date.previousYear') })).toHaveText(language === 'ar' ? '»' : '«');
    await picker.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`date-picker-${language}.png`) });
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(2028, 2, 1)));
    await picker.getByRole('button', { name: day, exact: true }).click();
    await expect(form.getByLabel(s(inv, 'receive.expiry'))).toHaveValue('2028-03-01');
    await form.getByRole('button', { name: s(inv, 'receive.submit'), exact: true }).click();
    await expect(page.getByRole('status')).toBeVisible();
    expect(kiosk.core.ctx.db.prepare('SELECT expires_on FROM lots ORDER BY rowid DESC LIMIT 1').get()).toEqual({
      expires_on: '2028-03-01',
    });
  });
}

test('backup: the passphrase is tapped on a masked keyboard, shown only when asked', async ({ page, kiosk }) => {
  const stick = tempDir('kiosk-e2e-stick-');
  try {
    const ex = new ExchangePage(page, EN);
    await ex.open(kiosk.url);
    await ex.tab('Backup').click();
    await ex.folder().click();
    await tapClear(keyboard(page), ex.folder());
    await tapKeys(keyboard(page), stick.path);
    await expect(ex.folder()).toHaveValue(stick.path);
    const pass = page.getByLabel('Passphrase (at least 10 characters)');
    await pass.click();
    await expect(keyboard(page)).toHaveAttribute('data-kind', 'secret');
    await tapKeys(keyboard(page), 'a long passphrase');
    await expect(pass).toHaveAttribute('type', 'password');
    await expect(pass).toHaveValue('a long passphrase');
    await page.getByRole('button', { name: 'Show', exact: true }).first().click();
    await expect(pass).toHaveAttribute('type', 'text');
    await page.getByLabel('Passphrase again').click();
    await tapKeys(keyboard(page), 'a long passphrase');
    await page.getByRole('button', { name: 'Save encrypted backup' }).click();
    await expect(ex.status()).toContainText('.makbackup');
    expect(readdirSync(stick.path).some((f) => f.endsWith('.makbackup'))).toBe(true);
  } finally {
    stick.remove();
  }
});

test('the stick folder is chosen by tapping the stick, then a folder on it', async ({ page }) => {
  const dir = tempDir('kiosk-e2e-folders-');
  const stick = tempDir('kiosk-e2e-stick-');
  mkdirSync(resolve(stick.path, 'exports'));
  mkdirSync(resolve(stick.path, 'photos'));
  const clock = new FixedClock(Date.UTC(2026, 10, 28, 11, 0, 0));
  const drives = {
    list: () => Promise.resolve([{ name: 'KINGSTON', path: stick.path, removable: true, freeBytes: 8e9, totalBytes: 16e9 }]),
    space: () => ({ freeBytes: 8e9, totalBytes: 16e9 }),
  };
  const core = createCore({ db: openDataDir(dir.path), clock, ids: sequentialIds(clock, 'folders'), keys: seededKeys('folders'), drives });
  const setup = await core.dispatch('site.setup', { input: { name: 'Folder Hub', languages: ['en'], siteLanguage: 'en', pin: '1234' } });
  expect(setup.ok).toBe(true);
  const host = await startHost({ dispatch: core.dispatch, rendererDir: resolve('out/renderer'), token: randomBytes(32).toString('hex') });
  try {
    const ex = new ExchangePage(page, EN);
    await ex.open(host.url);
    await page.getByText('KINGSTON').click();
    const folders = page.getByRole('list', { name: 'Folders here' });
    await expect(folders.getByRole('button')).toHaveText([/exports/, /photos/]);
    await folders.getByRole('button', { name: /exports/ }).click();
    await expect(ex.folder()).toHaveValue(resolve(stick.path, 'exports'));
    await page.getByRole('button', { name: EN.save }).click();
    await expect(ex.status()).toContainText('safe to remove');
    expect(readdirSync(resolve(stick.path, 'exports')).some((f) => f.endsWith('.makshare'))).toBe(true);
    // And back up to the stick's top folder by a tap.
    await page.getByRole('button', { name: 'Up one folder' }).click();
    await expect(ex.folder()).toHaveValue(stick.path);
  } finally {
    await host.close();
    core.close();
    dir.remove();
    stick.remove();
  }
});

test('the Arabic keyboard has the hamza forms and a shift layer', async ({ page, kiosk }) => {
  siteLanguage(kiosk, 'ar');
  const inv = strings('ar', 'inventory');
  await page.goto(kiosk.url);
  await tapPin(page, '1234');
  await page
    .getByRole('button', { name: s(inv, 'nav') })
    .first()
    .click();
  await page.getByRole('button', { name: s(inv, 'tabs.stock'), exact: true }).click();
  const search = page.getByLabel(s(inv, 'stock.search'));
  await search.click();
  for (const k of ['أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء']) await expect(keyboard(page).locator(`[data-skbtn="${k}"]`).first()).toBeVisible();
  await tapKeys(keyboard(page), 'أرز');
  await expect(search).toHaveValue('أرز');
  await keyboard(page).locator('[data-skbtn="{shift}"]').click();
  await expect(keyboard(page).locator('[data-skbtn="؟"]')).toBeVisible();
  await expect(keyboard(page).locator('[data-skbtn="\u064E"]')).toBeVisible();
});

test('a Chinese visitor is told to type pinyin, and their offers are listed the Chinese way', async ({ page, kiosk }) => {
  expect(existsSync('out/renderer')).toBe(true);
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('中文', true).click();
  await k.button('我可以提供帮助').click();
  await k.button('下一步').click();
  await k.button('开车').click();
  await k.button('翻译').click();
  await k.button('下一步').click();
  await k.field('名字或昵称').click();
  await expect(page.getByText('输入拼音，再点汉字')).toBeVisible();
  await k.button('跳过').click();
  await expect(page.getByText('开车和翻译')).toBeVisible();
  await expect(page.getByText('开车, 翻译')).toHaveCount(0);
});
