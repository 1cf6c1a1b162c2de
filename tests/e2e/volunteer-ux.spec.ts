import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Kiosk } from './fixtures';

// Issue 14, the volunteer's side (8, 9, 11, 12): by touch only (taps on elements and on-screen
// keys; a USB scanner's keys are the scanner's), in English and Arabic.

test.use({ hasTouch: true });

type Dict = { [key: string]: string | Dict };
const strings = (lng: string, ns: string) => JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8')) as Dict;
const s = (d: Dict, path: string) => path.split('.').reduce<string | Dict>((o, k) => (o as Dict)[k]!, d) as string;
const fill = (template: string, params: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');

const siteLanguage = (kiosk: Kiosk, language: string) => kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', ?)").run(language);

async function tapPin(page: Page, language: string, pin: string): Promise<void> {
  const common = strings(language, 'common');
  await page.getByRole('button', { name: s(common, 'volunteer'), exact: true }).tap();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: s(common, 'ok'), exact: true }).tap();
}

async function tapKeys(on: Locator, text: string): Promise<void> {
  for (const ch of text) await on.locator(`[data-skbtn="${ch}"]`).tap();
}

const RIVER = 'Riverside Commons';

/** What an import from Riverside leaves behind: its hub card, a shared need and offer, catalogue items. */
function seedRiverside(kiosk: Kiosk): void {
  const db = kiosk.core.ctx.db;
  const at = kiosk.clock.now().toISOString();
  db.prepare('INSERT INTO known_sites (id, name, public_key, fingerprint, trusted, first_seen_at) VALUES (?, ?, ?, ?, 1, ?)').run('site-river', RIVER, Buffer.alloc(32, 7), 'ABCD-EFGH-IJKL', at);
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

for (const language of ['en', 'ar'] as const) {
  test(`board (${language}): another hub's need and offer show their hub and no buttons that cannot work`, async ({ page, kiosk }, testInfo) => {
    siteLanguage(kiosk, language);
    seedRiverside(kiosk);
    const board = strings(language, 'board');
    await page.goto(kiosk.url);
    await tapPin(page, language, '1111');
    await page.getByRole('button', { name: s(board, 'nav') }).tap();
    const theirs = page.getByRole('article', { name: `${s(board, 'kind.need')}: A ride to the clinic in Riverside`, exact: true });
    await expect(theirs).toBeVisible();
    await expect(theirs).toContainText(fill(s(board, 'fromHub'), { hub: RIVER }));
    await expect(theirs).toContainText(fill(s(board, 'otherHubActions'), { hub: RIVER }));
    await expect(theirs.getByRole('button')).toHaveCount(0);
    await expect(theirs).not.toContainText(s(board, 'source.visitor'));
    // This hub's own needs keep their buttons.
    const own = page.getByRole('article', { name: `${s(board, 'kind.need')}: Someone to host a Dari cooking workshop`, exact: true });
    await expect(own.getByRole('button', { name: s(board, 'renew'), exact: true })).toBeVisible();
    await theirs.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/volunteer-ux-board-${language}.png` });

    await page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${s(board, 'tabs.offers')}`) }).tap();
    const offer = page.getByRole('article', { name: `${s(board, 'kind.offer')}: Riverside van on Saturdays`, exact: true });
    await expect(offer).toContainText(fill(s(board, 'fromHub'), { hub: RIVER }));
    await expect(offer.getByRole('button')).toHaveCount(0);
    void testInfo;
  });

  test(`stock room (${language}): items known only from other hubs are apart, not "Low" in All`, async ({ page, kiosk }) => {
    siteLanguage(kiosk, language);
    seedRiverside(kiosk);
    const inv = strings(language, 'inventory');
    const okra = language === 'en' ? 'Riverside okra' : 'بامية ريفرسايد';
    await page.goto(kiosk.url);
    await tapPin(page, language, '2222');
    await page.getByRole('button', { name: s(inv, 'tabs.stock'), exact: true }).tap();
    const table = page.getByRole('table');
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(table).not.toContainText(okra);
    await page.getByRole('button', { name: s(inv, 'stock.view.low'), exact: true }).tap();
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(table).not.toContainText(okra);
    await page.getByRole('button', { name: s(inv, 'stock.view.elsewhere'), exact: true }).tap();
    await expect(page.getByText(s(inv, 'stock.elsewhereLead'))).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table).toContainText(okra);
    await page.screenshot({ path: `test-results/volunteer-ux-stock-elsewhere-${language}.png` });
  });

  test(`errors (${language}): a count too large to be real names the field and why; a past expiry reads as a date; letters are not a barcode`, async ({ page, kiosk }) => {
    siteLanguage(kiosk, language);
    const inv = strings(language, 'inventory');
    const errors = strings(language, 'errors');
    const kioskStrings = strings(language, 'kiosk');
    const number = (n: number) => new Intl.NumberFormat(language).format(n);
    await page.goto(kiosk.url);
    await tapPin(page, language, '2222');

    // Letters from the scanner (a label that is not a product barcode), into the focused scan field.
    await expect(page.getByLabel(s(inv, 'receive.scanLabel'))).toBeFocused();
    await page.keyboard.type('A7Z40Q8K21', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(fill(s(inv, 'receive.lettersInBarcode'), { code: '\u2068A7Z40Q8K21\u2069' }));
    await page.screenshot({ path: `test-results/volunteer-ux-letters-${language}.png` });

    // A past expiry, tapped on the date picker: the warning says the day in words.
    await page.keyboard.type('084879544544', { delay: 0 });
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: s(inv, 'receive.form') });
    await form.getByRole('button', { name: s(kioskStrings, 'date.open') }).tap();
    const picker = form.getByRole('group', { name: s(kioskStrings, 'date.picker') });
    // The calendar opens on the computer's own month; the hub's clock says 28 November 2026.
    const title = picker.locator('.date-picker-title');
    const target = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 9, 1)));
    const back = s(kioskStrings, Date.now() > Date.UTC(2026, 9, 1) ? 'date.previousMonth' : 'date.nextMonth');
    for (let i = 0; i < 240 && (await title.textContent()) !== target; i += 1) await picker.getByRole('button', { name: back }).tap();
    await expect(title).toHaveText(target);
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 9, 1)));
    await picker.getByRole('button', { name: day, exact: true }).tap();
    await form.getByRole('button', { name: s(inv, 'receive.submit'), exact: true }).tap();
    const words = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 9, 1)));
    const warning = page.getByRole('alert');
    await expect(warning).toHaveText(fill(s(inv, 'errors.expiry_past'), { date: words }));
    await expect(warning).not.toContainText('2026-10-01');
    await page.screenshot({ path: `test-results/volunteer-ux-past-expiry-${language}.png` });

    // A count no shelf could hold.
    await page.getByRole('button', { name: s(inv, 'tabs.count'), exact: true }).tap();
    const counts = page.getByRole('spinbutton');
    await counts.first().tap();
    await tapKeys(page.locator('.number-pad'), '9999999');
    await page.getByRole('button', { name: s(inv, 'count.review'), exact: true }).tap();
    const reason = fill(s(errors, 'reasons.too_big'), { limit: number(100_000) });
    await expect(page.getByRole('alert')).toHaveText(fill(s(errors, 'api.invalid_field'), { field: s(errors, 'fields.counted'), reason }));
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/volunteer-ux-too-big-${language}.png` });
  });

  test(`pickup (${language}): at 1366×768 the action bar never covers the pick list`, async ({ page, kiosk }) => {
    siteLanguage(kiosk, language);
    const pickup = strings(language, 'pickup');
    const items = kiosk.core.services.intake.catalog('en').slice(0, 9);
    const slip = kiosk.core.services.intake.submit({ requestId: randomUUID(), language: 'en', household: { adults: 2 }, needs: items.map((i) => ({ itemId: i.id, qty: 1 })) });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(kiosk.url);
    await tapPin(page, language, '1111');
    await page.getByRole('button', { name: s(pickup, 'nav') }).first().tap();
    await page.keyboard.type(slip.shortCode, { delay: 0 });
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: s(pickup, 'pickList') });
    await expect(list.locator('.pick-line')).toHaveCount(items.length);
    const bar = page.getByRole('button', { name: s(pickup, 'markPickedUp') }).locator('xpath=..');
    await expect(bar).toBeVisible();
    // In reach without scrolling: the slip takes the screen, the list scrolls in its own box.
    await expect(bar).toBeInViewport();
    await page.screenshot({ path: `test-results/volunteer-ux-pickup-${language}.png` });
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
    // At the top of the slip, halfway, and at the end: no line under the bar, ever.
    for (const y of [0, 200, 100_000]) {
      await page.evaluate((to) => {
        window.scrollTo(0, to);
        document.querySelector('.pick-list')!.scrollTop = to;
      }, y);
      expect(await overlaps(), `scrolled to ${y}`).toBe(0);
    }
  });

  test(`waiting-room TV (${language}): no touch controls; the coordinator prints the poster from the board`, async ({ page, kiosk }) => {
    siteLanguage(kiosk, language);
    const board = strings(language, 'board');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.goto(`${kiosk.url}#/public`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: `test-results/volunteer-ux-tv-1080x1920-${language}.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(page.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: `test-results/volunteer-ux-tv-1366x768-${language}.png` });

    await page.goto(kiosk.url);
    await tapPin(page, language, '1234');
    await page.getByRole('button', { name: s(board, 'nav') }).tap();
    await page.getByRole('navigation').getByRole('button', { name: s(board, 'tabs.gaps'), exact: true }).tap();
    await page.getByRole('button', { name: s(board, 'public.poster'), exact: true }).tap();
    await expect(page.getByRole('heading', { name: s(board, 'public.title') })).toBeVisible();
    const print = page.getByRole('button', { name: s(board, 'public.print'), exact: true });
    await expect(print).toBeVisible();
    await print.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/volunteer-ux-poster-${language}.png` });
    // Printing calls the browser's print: count the call instead of opening a dialog.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await print.tap();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(print).toBeHidden();
    await expect(page.getByRole('heading', { name: s(board, 'public.title') })).toBeVisible();
  });
}
