import { wcagAudit } from './a11y';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The kiosk shell (foundation index.html) turns pinch-zoom off on purpose; not this screen's rule. */
const axe = (page: Page) => wcagAudit(page);

test('the waiting-room screen shows what we have and need, in English then Arabic, with nothing personal', async ({
  page,
  kiosk,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // The TV turns its own languages: the test moves its clock instead of waiting.
  await page.clock.install();
  await page.goto(`${kiosk.url}#/public`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What we have, what we need');
  const need = page.getByRole('region', { name: 'We need' });
  await expect(need).toContainText('Cooking oil, 1 L');
  await expect(need).toContainText('Pinto beans, 15 oz');
  await expect(page.getByRole('region', { name: 'We have plenty of' }).getByRole('listitem').first()).toBeVisible();
  const help = page.getByRole('region', { name: 'Can you help with?' });
  await expect(help).toContainText('Clothing');
  await expect(help).toContainText('1 person asked');

  // Nothing personal: no codes, no names, no phone, no free-text details.
  const codes = (kiosk.core.ctx.db.prepare('SELECT short_code AS c FROM slips').all() as { c: string }[]).map((r) => r.c);
  const body = page.locator('body');
  for (const secret of ['María', '555-0148', 'Dwayne', 'Winter coats for two children', 'Dari cooking workshop', ...codes]) {
    await expect(body).not.toContainText(secret);
  }
  // A TV nobody touches: no buttons on it (issue 14.12).
  await expect(page.getByRole('button')).toHaveCount(0);
  // The whole poster on one laptop screen: nothing to scroll to.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('public-en.png') });
  const result = await axe(page);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // English, Español, Français, Português, then العربية: 20 seconds each.
  await page.clock.runFor(4 * 20_000);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ما لدينا، وما نحتاج إليه');
  await expect(page.getByRole('region', { name: 'نحتاج إلى' })).toContainText('زيت طبخ، 1 لتر');
  await expect(page.getByRole('region', { name: 'هل يمكنك المساعدة في؟' })).toContainText('ملابس');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('public-ar.png') });
  const axeAr = await axe(page);
  expect(axeAr.violations.map((v) => v.id)).toEqual([]);

  // As a poster: controls disappear when printed.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath('public-ar-print.png'), fullPage: true });
});
