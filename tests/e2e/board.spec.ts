import { wcagAudit } from './a11y';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';

/**
 * Axe on the real page. The kiosk shell's index.html (foundation) turns pinch-zoom off on
 * purpose for a touch kiosk; that rule is about the shell, not these screens.
 */
const axe = (page: Page) => wcagAudit(page);

const COOKING_NEED = 'Need: Someone to host a Dari cooking workshop';
const COOKING_OFFER = 'Offer: Can teach Afghan cooking';

test('an intake volunteer takes a suggested match through to done, and never sees a name or phone', async ({ page, kiosk }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  const board = new BoardPage(page);
  await board.open('1111');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Needs and offers');

  const need = board.card(COOKING_NEED);
  await expect(need).toBeVisible();
  // The household is shown by its slip code only.
  const code = (
    kiosk.core.ctx.db
      .prepare(
        "SELECT s.short_code AS c FROM needs_offers n JOIN slips s ON s.household_id = n.household_id WHERE n.detail LIKE '%Dari cooking%' ORDER BY s.issued_at DESC",
      )
      .get() as { c: string }
  ).c;
  await expect(need.getByText(code, { exact: true }).first()).toBeVisible();

  // The suggestion and why it fits: same kind of help, a shared language, a time both are free.
  const suggestion = board.card(COOKING_OFFER);
  await expect(suggestion).toBeVisible();
  const why = suggestion.getByRole('list', { name: 'Why it fits' });
  await expect(why).toContainText('Same kind of help: Cooking');
  await expect(why).toContainText('Both speak دری');
  await expect(why).toContainText('Both free: Saturday (morning and afternoon)');
  await page.screenshot({ path: testInfo.outputPath('board-needs-en.png') });

  await suggestion.getByRole('button', { name: 'Take this match forward' }).click();
  await expect(need.getByText('A match is in progress: see Matches.')).toBeVisible();

  await board.tab(/^Matches/).click();
  const match = board.match('Contacting both sides');
  await expect(match).toBeVisible();
  await expect(page.getByRole('button', { name: /Show contact/ })).toHaveCount(0);
  await expect(board.tab('Settings')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('555-0148');
  await expect(page.locator('body')).not.toContainText('María');
  await match.getByRole('button', { name: 'Both agreed' }).click();
  const agreed = board.match('Both agreed');
  await agreed.getByRole('button', { name: 'It happened' }).click();
  await expect(board.match('Done')).toBeVisible();
  expect(kiosk.core.ctx.db.prepare('SELECT state FROM board_matches').all()).toEqual([{ state: 'done' }]);

  const result = await axe(page);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the coordinator sees a contact only when asked and only if given, and shares a pantry gap', async ({ page, kiosk }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  const board = new BoardPage(page);
  await board.open('1234');
  await board.card(COOKING_OFFER).getByRole('button', { name: 'Take this match forward' }).click();
  await board.tab(/^Matches/).click();
  const match = board.match('Contacting both sides');
  await expect(match.getByText('No contact details given')).toBeVisible();
  await match.getByRole('button', { name: 'Show contact (Need)' }).click();
  await expect(match.getByText('María')).toBeVisible();
  await expect(match.getByText('555-0148')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('board-matches-coordinator-en.png') });

  await board.tab('Pantry gaps').click();
  const oil = page.getByRole('listitem').filter({ hasText: 'Cooking oil, 1 L' });
  // As many slips as the demo hub's data holds (intake and pickups add their own): read it back.
  const oilAsks = (
    kiosk.core.ctx.db
      .prepare(
        "SELECT COUNT(DISTINCT l.slip_id) AS n FROM slip_lines l JOIN item_names n ON n.item_id = l.item_id AND n.locale = 'en' WHERE n.name = 'Cooking oil, 1 L'",
      )
      .get() as { n: number }
  ).n;
  expect(oilAsks).toBeGreaterThanOrEqual(3);
  await expect(oil).toContainText(`asked for on ${oilAsks} slips`);
  await oil.getByRole('button', { name: 'Share as “we need”' }).click();
  await expect(oil).toContainText('Shared as “we need”');
  expect(kiosk.core.ctx.db.prepare("SELECT category, shareable, source FROM needs_offers WHERE source = 'pantry'").all()).toEqual([
    { category: 'pantry', shareable: 1, source: 'pantry' },
  ]);
  await page.screenshot({ path: testInfo.outputPath('board-gaps-en.png') });

  // Only the coordinator sets how long entries live.
  await board.tab('Settings').click();
  await page.getByLabel('Days a need or offer stays on the board unless renewed').fill('7');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await board.tab(/^Needs \(/).click();
  await expect(page.getByText('Needs and offers stay on the board for 7 days unless renewed.')).toBeVisible();
  // The cooking need is seven days old: with a seven-day limit it has expired, and says so.
  await expect(board.card(COOKING_NEED)).toContainText('Expired on');
});

test('a volunteer adds an offer and sees it suggested, and the board reads right to left in Arabic', async ({ page, kiosk }, testInfo) => {
  // A hub whose volunteers work in Arabic.
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const board = new BoardPage(page);
  await board.open('1111', { volunteer: 'المتطوعون', ok: 'موافق', board: 'الاحتياجات والعروض' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الاحتياجات والعروض');

  // Add an offer: winter coats, in Spanish, any day.
  await board.tab('إضافة').click();
  const form = page.getByRole('form', { name: 'إضافة احتياج أو عرض' });
  await form.getByRole('button', { name: 'عرض', exact: true }).click();
  await form.getByLabel('نوع المساعدة').selectOption('clothing');
  await form.getByLabel('ما المطلوب بالضبط (دون أسماء أو أرقام هواتف)').fill('Winter coats, children sizes');
  await form.getByRole('button', { name: 'Español' }).click();
  await form.getByRole('button', { name: 'وضعه على اللوحة' }).click();

  // Back on the offers list, then the need for coats now has it as a suggestion.
  await expect(board.card('عرض: Winter coats, children sizes')).toBeVisible();
  await board.tab(/^الاحتياجات \(/).click();
  const need = board.card('احتياج: Winter coats for two children');
  const offer = need.getByRole('article', { name: 'عرض: Winter coats, children sizes' });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('list', { name: 'لماذا يناسب' })).toContainText('نفس نوع المساعدة: ملابس');
  await page.screenshot({ path: testInfo.outputPath('board-needs-ar.png') });

  // It did not happen: the volunteer says why.
  await offer.getByRole('button', { name: 'متابعة هذا التوفيق' }).click();
  await board.tab(/^التوفيقات/).click();
  const match = board.match('جارٍ التواصل مع الطرفين');
  await match.getByRole('button', { name: 'لم يتم' }).click();
  await match.getByLabel('لماذا لم يتم؟').selectOption('no_show');
  await match.getByRole('button', { name: 'حفظ' }).click();
  const ended = board.match('لم يتم');
  await expect(ended).toContainText('أحدهم لم يحضر');
  await page.screenshot({ path: testInfo.outputPath('board-matches-ar.png') });
  expect(kiosk.core.ctx.db.prepare('SELECT state, reason FROM board_matches').get()).toEqual({ state: 'didnt_happen', reason: 'no_show' });

  const result = await axe(page);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
