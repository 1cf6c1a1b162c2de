import type { Locator, Page } from '@playwright/test';
import { expect, test, type Kiosk } from './fixtures';
import { TouchIntake } from './pages/intake-page';
import { usbScan } from './usb-scanner';

// A kiosk is a touch screen: every action in this file is a tap.
test.use({ hasTouch: true });

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1366, height: 768 };

/** An earlier visit's slip, issued by core, asking for `needs` (or another kind of help). */
function earlierSlip(
  kiosk: Kiosk,
  language: 'ht' | 'en' | 'ar',
  needs: { itemId: string; qty: number }[],
  contact?: { firstName: string; phone: string },
) {
  const slip = kiosk.core.services.intake.submit({
    requestId: crypto.randomUUID(),
    language,
    household: { adults: 2, children: 3 },
    needs,
    otherNeeds: needs.length ? [] : [{ category: 'other' }],
    ...(contact ? { contact } : {}),
  });
  if (!slip) throw new Error('no slip issued');
  return slip;
}

function itemId(kiosk: Kiosk, nameStart: string): string {
  const found = kiosk.core.services.intake.catalog('en').find((i) => i.name.startsWith(nameStart));
  if (!found) throw new Error(`no ${nameStart}`);
  return found.id;
}

/** The USB scanner on the language screen: it types the slip's digits and Enter. */
async function scan(page: Page, digits: string): Promise<void> {
  await expect(page.getByRole('button', { name: /I have a slip from before/ })).toBeVisible();
  await usbScan(page, digits);
}

/** `word` is on screen right under `tile` (within a row's gap), not somewhere up the page. */
async function expectBeside(word: Locator, tile: Locator): Promise<void> {
  const [w, t] = [await word.boundingBox(), await tile.boundingBox()];
  expect(w && t && w.y >= t.y + t.height - 1 && w.y - (t.y + t.height) < 40, JSON.stringify({ w, t })).toBe(true);
  const viewport = word.page().viewportSize();
  expect(w && viewport && w.y + w.height <= viewport.height).toBe(true);
}

const count = (kiosk: Kiosk, sql: string) => kiosk.core.ctx.db.prepare(sql).pluck().get() as number;

const WORDS = {
  en: {
    language: 'English',
    need: 'I need something',
    offer: 'I can offer something',
    next: 'Next',
    skip: 'Skip',
    cooking: 'Cooking',
    send: 'Send my offer',
    thanks: 'Thank you!',
    returning: 'I have a slip from before',
    welcomeBack: 'Welcome back',
  },
  ar: {
    language: 'العربية',
    need: 'أحتاج شيئًا',
    offer: 'أستطيع أن أقدّم شيئًا',
    next: 'التالي',
    skip: 'تخطٍّ',
    cooking: 'الطبخ',
    send: 'أرسل عرضي',
    thanks: 'شكرًا لك!',
    returning: 'عندي قسيمة من زيارة سابقة',
    welcomeBack: 'أهلًا بعودتك',
  },
} as const;

for (const lng of ['en', 'ar'] as const) {
  const w = WORDS[lng];

  test(`14.5 a returning visitor finds "I have a slip" in their own language, first screen and after it, in ${lng}`, async ({
    page,
    kiosk,
  }) => {
    await page.goto(kiosk.url);
    const k = new TouchIntake(page);
    // On the first screen, said in each of the site's languages.
    await expect(k.button(w.returning)).toBeVisible();
    await k.tap(w.language, true);
    await expect(k.heading()).not.toHaveText('Welcome');
    await k.tap(w.returning);
    await expect(k.heading()).toHaveText(w.welcomeBack);
    // Back goes where they came from: the screen after the language.
    await k.tap(lng === 'ar' ? 'رجوع' : 'Back', true);
    await expect(k.button(w.need)).toBeVisible();
  });

  test(`14.7 a visit that only offers help is thanked and recorded, with no slip, in ${lng}`, async ({ page, kiosk }) => {
    const slipsBefore = count(kiosk, 'SELECT COUNT(*) FROM slips');
    const visitsBefore = count(kiosk, 'SELECT COUNT(*) FROM visits');
    await page.goto(kiosk.url);
    const k = new TouchIntake(page);
    await k.tap(w.language, true);
    await k.tap(w.offer);
    await k.tap(w.next);
    await k.tap(w.cooking);
    await k.tap(w.next);
    await k.tap(w.skip);
    await k.tap(w.send);
    await expect(k.heading()).toHaveText(w.thanks);
    await expect(page.locator('svg.qr')).toHaveCount(0);
    expect(count(kiosk, 'SELECT COUNT(*) FROM slips')).toBe(slipsBefore);
    expect(count(kiosk, 'SELECT COUNT(*) FROM visits')).toBe(visitsBefore + 1);
    const offer = kiosk.core.ctx.db
      .prepare(
        'SELECT n.kind, n.category, n.languages FROM needs_offers n JOIN visits v ON v.id = n.visit_id ORDER BY v.rowid DESC LIMIT 1',
      )
      .get();
    expect(offer).toEqual({ kind: 'offer', category: 'cooking', languages: JSON.stringify([lng]) });
  });

  test(`14.12 "Start over" asks first when there are answers, in ${lng}`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    const k = new TouchIntake(page);
    const startOver = lng === 'ar' ? 'البدء من جديد' : 'Start over';
    await k.tap(w.language, true);
    await k.tap(w.need);
    const household = await k.heading().textContent();
    await k.tap(startOver, true);
    await expect(k.dialog()).toBeVisible();
    await k.tap(lng === 'ar' ? 'لا، تابع' : 'No, go on');
    await expect(k.dialog()).toHaveCount(0);
    await expect(k.heading()).toHaveText(household ?? '');
    await k.tap(startOver, true);
    await k.tap(lng === 'ar' ? 'نعم، ابدأ من جديد' : 'Yes, start over');
    await expect(k.heading()).toHaveText('Welcome');
  });

  test(`14.10 portrait 1080x1920: big type, and Next right under the content, in ${lng}`, async ({ page, kiosk }) => {
    const k = new TouchIntake(page);
    for (const size of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(size);
      await page.goto(kiosk.url);
      await k.tap(w.language, true);
      await k.tap(w.need);
      const next = k.button(w.next);
      const box = await next.boundingBox();
      const content = await page
        .getByRole('main')
        .evaluate((m) => Math.max(...[...m.children].map((c) => c.getBoundingClientRect().bottom)));
      const fontSize = await next.evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
      expect(box, `${size.width}x${size.height}`).not.toBeNull();
      if (!box) continue;
      // Within reach: on screen, and no more than a hand's width below the last answer.
      expect(box.y + box.height, `${size.width}x${size.height}`).toBeLessThanOrEqual(size.height);
      expect(box.y - content, `${size.width}x${size.height}`).toBeLessThan(160);
      expect(fontSize, `${size.width}x${size.height}`).toBeGreaterThanOrEqual(20);
      const body = await page.getByRole('main').evaluate((m) => parseFloat(getComputedStyle(m).fontSize));
      expect(body, `${size.width}x${size.height}`).toBeGreaterThanOrEqual(size === PORTRAIT ? 24 : 20);
    }
  });

  test(`14.12 arrows keep a space from their words, in ${lng}`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    const k = new TouchIntake(page);
    await k.tap(w.language, true);
    await k.tap(w.need);
    for (const name of [w.next, lng === 'ar' ? 'رجوع' : 'Back']) {
      const gap = await k.button(name, true).evaluate((button) => {
        const arrow = button.querySelector('[aria-hidden="true"]');
        if (!arrow) return -1;
        const a = arrow.getBoundingClientRect();
        // The word: every text in the button outside the arrow.
        const range = document.createRange();
        const words: DOMRect[] = [];
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (arrow.contains(n) || !n.textContent?.trim()) continue;
          range.selectNodeContents(n);
          words.push(range.getBoundingClientRect());
        }
        const left = Math.min(...words.map((r) => r.left));
        const right = Math.max(...words.map((r) => r.right));
        return a.left >= right ? a.left - right : left - a.right;
      });
      expect(gap, name).toBeGreaterThanOrEqual(6);
    }
  });
}

test('14.6 a tile at its household limit is marked before the tap, and the kind word sits beside it, in Haitian Creole', async ({
  page,
  kiosk,
}) => {
  const eggs = itemId(kiosk, 'Eggs');
  const first = earlierSlip(kiosk, 'ht', [{ itemId: eggs, qty: 1 }]);
  kiosk.clock.advance(2 * 86_400_000);
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  await scan(page, first.qrDigits);
  await expect(k.heading()).toHaveText('Kisa ou bezwen?');
  // Before any tap: the dozen taken two days ago is marked on its tile.
  await expect(k.tile('Ze')).toContainText('Ou deja resevwa l pou kounye a');
  await expect(k.item('Ze')).toHaveAccessibleDescription('Ou deja resevwa l pou kounye a');
  await k.item('Ze').tap();
  const said = page.getByText('Ze, 1 douzèn: ou deja resevwa l pou moman sa a.', { exact: false }).and(page.locator(':not([aria-live])'));
  await expect(said).toBeVisible();
  await expectBeside(said, k.tile('Ze'));
  await expect(k.liveLimit()).toHaveText(/ou deja resevwa l pou moman sa a/);
  await expect(k.item('Ze')).toHaveAttribute('aria-pressed', 'false');
});

test('14.6 eggs: the screen says so kindly, in Haitian Creole, beside the tile, and offers the dozen', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  await k.tap('Kreyòl ayisyen', true);
  await k.tap('Mwen bezwen yon bagay');
  await k.tap('Swivan');
  await k.item('Ze').tap();
  const more = page.getByRole('button', { name: /Ze, 1 douzèn/ }).last();
  await more.tap();
  const kind = 'Ze, 1 douzèn: chak fanmi ka pran 1 chak 7 jou. Nou mete 1 pou ou.';
  const said = page.getByText(kind, { exact: true }).and(page.locator(':not([aria-live])'));
  await expect(said).toBeVisible();
  await expect(k.liveLimit()).toHaveText(kind);
  // Next to the tile the visitor just tapped, not far up the page.
  await expectBeside(said, k.tile('Ze'));
  await expect(k.tile('Ze').locator('output')).toHaveText('1');
});

test('14.7 a visitor who chose nothing gets no empty slip: the screen says so and offers Back', async ({ page, kiosk }) => {
  const slipsBefore = count(kiosk, 'SELECT COUNT(*) FROM slips');
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  await k.tap('English', true);
  await k.tap('I need something');
  await k.tap('Next');
  await k.tap('Next');
  await k.tap('Skip');
  await expect(page.getByText('Nothing is chosen yet.', { exact: false })).toBeVisible();
  await expect(k.button('Get my slip')).toHaveCount(0);
  await k.tap('Back', true);
  await expect(k.heading()).toHaveText('Can we call you back?');
  expect(count(kiosk, 'SELECT COUNT(*) FROM slips')).toBe(slipsBefore);
});

test('returning visitor with contact details kept: told they stay as they are, never asked, and the slip is issued', async ({
  page,
  kiosk,
}) => {
  const first = earlierSlip(kiosk, 'ht', [], { firstName: 'Rosa', phone: '+1 555 0199' });
  kiosk.clock.advance(7 * 86_400_000);
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  await scan(page, first.qrDigits);
  await k.item('Diri').tap();
  await k.tap('Swivan');
  await expect(page.getByText('Nou kenbe enfòmasyon kontak ou jan yo ye a.')).toBeVisible();
  await k.tap('Pran tikè mwen');
  await expect(page.locator('svg.qr')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Rosa');
  expect(kiosk.core.ctx.db.prepare("SELECT first_name, phone FROM households WHERE first_name = 'Rosa'").all()).toEqual([
    { first_name: 'Rosa', phone: '+1 555 0199' },
  ]);
});

test('14.12 "Still there?" covers the form: a typed phone is not readable behind it', async ({ page, kiosk }) => {
  await page.clock.install();
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  await k.tap('English', true);
  await k.tap('I need something');
  await k.tap('Next');
  await k.item('Rice').tap();
  await k.tap('Next');
  await k.field('Phone number').tap();
  const keyboard = page.locator('.onscreen-keyboard');
  for (const key of ['5', '5', '5', '0', '1', '9', '9']) await keyboard.locator(`[data-skbtn="${key}"]`).tap();
  await expect(k.field('Phone number')).toHaveValue('5550199');
  await page.clock.runFor(91_000);
  await expect(k.dialog()).toBeVisible();
  const covered = await k.field('Phone number').evaluate((input) => {
    const r = input.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const cover = top?.closest('.idle-backdrop');
    if (!cover) return { covered: false, alpha: 0 };
    const bg = getComputedStyle(cover).backgroundColor;
    const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(bg)?.[1];
    return { covered: true, alpha: alpha === undefined ? 1 : Number(alpha) };
  });
  expect(covered).toEqual({ covered: true, alpha: 1 });
});

test('14.12 high contrast keeps the outline of "Start over"', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  await k.tap('English', true);
  await k.tap('High contrast');
  const colours = await k.button('Start over', true).evaluate((b) => ({
    border: getComputedStyle(b).borderTopColor,
    behind: getComputedStyle(b.closest('header') as Element).backgroundColor,
    width: getComputedStyle(b).borderTopWidth,
  }));
  expect(colours.border).not.toBe(colours.behind);
  expect(parseFloat(colours.width)).toBeGreaterThanOrEqual(2);
});

test('14.12 "Kreyòl ayisyen" stays on one line: every language tile the same height, on every screen', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new TouchIntake(page);
  for (const size of [{ width: 1024, height: 768 }, LANDSCAPE, PORTRAIT, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await expect(k.button('Kreyòl ayisyen', true)).toBeVisible();
    const heights = await page
      .getByRole('list')
      .first()
      .getByRole('button')
      .evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().height)));
    expect(heights.length, `${size.width}x${size.height}`).toBe(12);
    expect(new Set(heights).size, `${size.width}x${size.height}: ${heights.join(',')}`).toBe(1);
  }
});

test.describe('a new site', () => {
  test.use({ site: 'fresh' });

  test('14.12 setup offers every shipped language, and the PIN keypad has no "+" key', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up this hub');
    const languages = page.getByRole('group', { name: 'Languages offered on the kiosk' }).getByRole('button');
    await expect(languages).toHaveCount(12);
    for (const pressed of await languages.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')))) expect(pressed).toBe('true');
    await page.getByLabel('Coordinator PIN (4 to 8 digits)', { exact: true }).tap();
    const keyboard = page.locator('.onscreen-keyboard');
    await expect(keyboard.locator('[data-skbtn="0"]')).toBeVisible();
    await expect(keyboard.locator('[data-skbtn="+"]')).toHaveCount(0);
  });
});
