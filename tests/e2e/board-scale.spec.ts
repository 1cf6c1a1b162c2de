import { NewEntry } from '../../src/shared/api/channels/board';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';

// Issue 15: a board with ten thousand needs and ten thousand offers opens on its first page and
// keeps only a window of cards in the page, however far the volunteer scrolls.
const CATEGORIES = ['ride', 'translation', 'forms', 'childcare', 'cooking', 'furniture', 'repairs', 'tutoring'] as const;
const LANGS = [['en'], ['fa'], ['ar', 'en'], ['es'], []] as const;

test('ten thousand needs and offers: the first page paints and the list stays a window', async ({ page, kiosk }) => {
  // Twenty thousand rows and a scroll through pages on a shared machine.
  test.setTimeout(120_000);
  const { core, clock } = kiosk;
  // Written as intake and the board write them, in one statement per row (the service's own
  // read-back per add would make seeding the slow part of this test).
  const db = core.ctx.db;
  const site = (db.prepare('SELECT id FROM site').get() as { id: string }).id;
  const insert = db.prepare(
    `INSERT INTO needs_offers (id, origin_site, kind, category, detail, languages, slots, shareable, source, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'volunteer', 'open', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 10_000; i += 1) {
      clock.advance(1_000);
      for (const kind of ['need', 'offer'] as const) {
        const e = NewEntry.parse({
          kind,
          category: CATEGORIES[i % CATEGORIES.length],
          languages: LANGS[i % LANGS.length],
          slots: 1 << (i % 21),
          detail: `${kind} ${i}`,
        });
        insert.run(
          `${kind}-${String(i).padStart(5, '0')}`,
          site,
          e.kind,
          e.category,
          e.detail,
          JSON.stringify(e.languages),
          e.slots,
          clock.now().toISOString(),
        );
      }
    }
  })();

  await page.goto(kiosk.url);
  const board = new BoardPage(page);
  await board.open('1111');
  const needs = page.getByRole('region', { name: 'Needs', exact: true });
  // The newest need first, on the first page.
  await expect(page.getByRole('article', { name: 'Need: need 9999', exact: true })).toBeVisible();
  await expect(board.tab(/^Needs \(/)).toHaveText(/\(10\d\d\d\)/);
  const nodes = () => needs.evaluate((el) => el.querySelectorAll('*').length);
  expect(await nodes()).toBeLessThan(2_000);

  // Scrolling on loads the following pages; cards far above leave the page as new ones come.
  const more = page.getByRole('button', { name: 'Show more', exact: true });
  for (let i = 0; i < 6; i += 1) {
    await more.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 4_000);
  }
  // Past the fifth page (12 a page, newest first)…
  await expect(page.getByRole('article', { name: /^Need: need 99[0-3]\d$/ }).first()).toBeVisible();
  // …the cards scrolled past have left the page (the first page stays), so it holds a window only.
  await expect(page.getByRole('article', { name: 'Need: need 9960', exact: true })).toHaveCount(0);
  expect(await nodes()).toBeLessThan(2_000);
  // And back at the top, the first cards are there again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Home');
  await expect(page.getByRole('article', { name: 'Need: need 9999', exact: true })).toBeVisible();
});
