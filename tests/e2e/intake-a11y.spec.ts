import { wcagAudit } from './a11y';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { IntakePage } from './pages/intake-page';

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];

/** Words for walking the flow in each language checked here. */
const WORDS = {
  en: {
    language: 'English',
    both: 'Both',
    next: 'Next',
    skip: 'Skip',
    submit: 'Get my slip',
    rice: 'Rice',
    cooking: 'Cooking',
    returning: 'I have a slip from before',
    back: 'Back',
  },
  ar: {
    language: 'العربية',
    both: 'الاثنان معًا',
    next: 'التالي',
    skip: 'تخطٍّ',
    submit: 'أعطني القسيمة',
    rice: 'أرز',
    cooking: 'الطبخ',
    returning: 'I have a slip from before',
    back: 'رجوع',
  },
} as const;

/** axe (WCAG 2.2 AA) finds nothing, no viewport scrolls sideways, and a screenshot is kept. */
async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await wcagAudit(page);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${size.width}x${size.height}`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

for (const lng of ['en', 'ar'] as const) {
  test(`every intake screen passes axe and fits every screen size, in ${lng}`, async ({ page, kiosk }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lng];
    const k = new IntakePage(page);
    await page.goto(kiosk.url);
    await expect(k.heading()).toHaveText('Welcome');
    await check(page, testInfo, `${lng}-0-language`);

    await k.button(w.returning).click();
    await expect(page.locator('input')).toBeFocused();
    await check(page, testInfo, `${lng}-1-returning`);
    await k.button('Back', true).click();

    await k.button(w.language, true).click();
    await check(page, testInfo, `${lng}-2-purpose`);
    await k.button(w.both).click();
    await check(page, testInfo, `${lng}-3-household`);
    await k.button(w.next).click();
    await k.item(w.rice).click();
    await check(page, testInfo, `${lng}-4-needs`);
    await k.button(w.next).click();
    await k.button(w.cooking).click();
    await check(page, testInfo, `${lng}-5-offers`);
    await k.button(w.next).click();
    await page.locator('input').first().click();
    await expect(page.locator('.onscreen-keyboard')).toBeVisible();
    await check(page, testInfo, `${lng}-6-contact`);
    await k.button(w.skip).click();
    await check(page, testInfo, `${lng}-7-confirm`);
    await k.button(w.submit).click();
    await expect(page.locator('svg.qr')).toBeVisible();
    await check(page, testInfo, `${lng}-8-slip`);
  });
}

test('the "Still there?" question and the high-contrast, large-text view pass axe too', async ({ page, kiosk }, testInfo) => {
  await page.clock.install();
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('العربية', true).click();
  await k.button('خط كبير').click();
  await k.button('تباين عالٍ').click();
  await k.button('الاثنان معًا').click();
  await check(page, testInfo, 'ar-9-large-contrast');
  await page.clock.runFor(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await check(page, testInfo, 'ar-10-still-there');
});

test('fonts for Latin, Arabic and Chinese ship inside the app and load from it, nothing from elsewhere', async ({ page, kiosk }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded' && f.family.includes('Kiosk Sans')).map((f) => f.unicodeRange);
  });
  // The language grid shows Latin, Arabic-script and Chinese names: all three files are in use.
  expect(loaded.some((r) => r.includes('U+600-6FF'))).toBe(true);
  expect(loaded.some((r) => r.includes('U+2E80-9FFF'))).toBe(true);
  expect(loaded.some((r) => r.includes('U+0-24F'))).toBe(true);
  expect([...origins]).toEqual([new URL(kiosk.url).origin]);
});
