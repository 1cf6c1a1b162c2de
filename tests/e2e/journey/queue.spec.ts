import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import { requireSite } from '../../../src/core/site/site-service';
import type { Kiosk } from '../fixtures';
import { expect, hubLanguage, person, test } from './hub';
import { printedSlip } from './pages/paper';
import { Shots } from './pages/shots';
import { Visitor, watchPrint } from './pages/visitor';
import { wordsFor } from './pages/words';

// "Now serving": the coordinator picks the queue order in the kiosk settings; a visitor's slip
// carries a number (printed and on screen); the pickup table calls it, and calls it again when
// nobody comes; the waiting-room TV shows it large, chimes, and gives the wait from the pace.

/** Households already waiting when the visitor comes: each arrives a few minutes apart. */
function earlierHouseholds(kiosk: Kiosk, n: number): void {
  const item = kiosk.core.services.intake.catalog('en').find((i) => i.name === 'Eggs, 1 dozen');
  if (!item) throw new Error('no eggs in the demo catalogue');
  for (let i = 0; i < n; i += 1) {
    kiosk.clock.advance(60_000);
    kiosk.core.services.intake.submit({
      requestId: randomUUID(),
      language: 'en',
      household: { adults: 1 },
      needs: [{ itemId: item.id, qty: 1 }],
    });
  }
}

/** Counts the chime's tones on the TV (two per chime), from before the app starts. */
async function countTones(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number };
    w.__tones = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__tones += 1;
      return create.call(this);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
}

const STORIES = [
  { lng: 'en', mode: 'sequential' },
  { lng: 'ar', mode: 'lottery' },
] as const;

for (const { lng, mode } of STORIES) {
  test(`queue (${lng}, ${mode}): the number on the printed slip is called at the pickup table and shown on the TV`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(150_000);
    hubLanguage(kiosk, lng);

    // The coordinator chooses the queue order in the kiosk settings.
    const desk = await page.context().newPage();
    await desk.setViewportSize({ width: 1366, height: 768 });
    const coordinator = person(desk, lng, `queue-${lng}-settings`);
    await desk.goto(kiosk.url);
    await coordinator.touch.logIn(DEMO_PINS.coordinator);
    await coordinator.touch.tap(desk.getByRole('navigation').getByRole('button', { name: coordinator.w('setup:settings.nav') }));
    const order = desk.getByRole('group', { name: coordinator.w('stations:queueMode.legend') });
    await coordinator.touch.tap(order.getByRole('button', { name: coordinator.w(`stations:queueMode.${mode}`) }));
    await expect(desk.getByRole('status').filter({ hasText: coordinator.w('stations:queueMode.saved') })).toBeVisible();
    await expect(order.getByRole('button', { name: coordinator.w(`stations:queueMode.${mode}`) })).toHaveAttribute('aria-pressed', 'true');
    await coordinator.shots.step('queue-order');
    expect(kiosk.core.services.queue.mode()).toBe(mode);
    await coordinator.touch.logOut();

    // The waiting-room TV, a portrait screen: nothing called yet today, so no band at all.
    const tv = await page.context().newPage();
    const tones = await countTones(tv);
    await tv.setViewportSize({ width: 1080, height: 1920 });
    await tv.goto(`${kiosk.url}#/public`);
    const tvWords = person(tv, lng, `queue-${lng}-tv`);
    await expect(tv.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(tv.getByTestId('now-serving-number')).toHaveCount(0);

    // Two households are already waiting; then the visitor asks for eggs at the kiosk.
    earlierHouseholds(kiosk, 2);
    const prints = await watchPrint(page);
    await page.goto(kiosk.url);
    const v = new Visitor(page, lng, kiosk);
    await v.tap(lng === 'en' ? 'English' : 'العربية');
    await v.asksFor('Eggs, 1 dozen');
    kiosk.clock.advance(60_000);
    await v.tap(v.w('intake:confirm.submit'));
    await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });

    // The number on the paper, read back from the PDF, is the one on the screen.
    const paper = await printedSlip(page, `queue-${lng}-printed-slip`);
    const onScreen = (await page.getByTestId('slip-queue-number').textContent())?.trim() ?? '';
    expect(onScreen).toMatch(/^\d+$/);
    const n = Number(onScreen);
    // pdftotext wraps right-to-left runs in bidi controls; the words and digits are what matter.
    const printed = paper.text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
    // The number stands on its own line of the paper, or beside its label.
    expect(printed).toContain(v.w('print:queueNumber'));
    expect(
      printed.split('\n').some((l) => l.replace(v.w('print:queueNumber'), '').trim() === String(n)),
      printed,
    ).toBe(true);
    const card = page.getByRole('region', { name: v.w('slip:title') });
    await expect(card.getByText(v.w('slip:queue.number'), { exact: true })).toBeVisible();
    await expect(card.getByText(v.w('slip:queue.hint'))).toBeVisible();
    await new Shots(page, `queue-${lng}-slip`).step('number');

    // The pickup table calls numbers until the visitor's comes up (a lottery opens and draws first).
    const laptop = await page.context().newPage();
    await laptop.setViewportSize({ width: 1366, height: 768 });
    const table = person(laptop, lng, `queue-${lng}-table`);
    await laptop.goto(kiosk.url);
    await table.touch.logIn(DEMO_PINS.intake);
    const queue = laptop.getByRole('region', { name: table.w('stations:queue') });
    // This is table 3: set on the number pad, once, at this computer.
    await expect(queue).toContainText(table.w('stations:tableIs', { table: '\u20681\u2069' }));
    await table.touch.tap(queue.getByRole('button', { name: table.w('stations:changeTable') }));
    await table.touch.tapNumber(queue.getByLabel(table.w('stations:thisTable')), '3');
    await table.shots.step('table-number');
    await table.touch.tap(queue.getByRole('button', { name: table.w('common:ok'), exact: true }));
    await expect(queue).toContainText(table.w('stations:tableIs', { table: '\u20683\u2069' }));
    if (mode === 'lottery') await table.touch.tap(queue.getByRole('button', { name: table.w('stations:openLottery') }));
    const waiting = kiosk.core.services.queue.nowServing().waiting;
    for (let i = 0; i < waiting; i += 1) {
      kiosk.clock.advance(3 * 60_000);
      await table.touch.tap(queue.getByRole('button', { name: table.w('stations:callNext') }));
      await expect(queue.getByText(table.w('stations:waiting', { n: waiting - i - 1 }))).toBeVisible();
      if ((await queue.getByTestId('queue-current').textContent())?.trim() === String(n)) break;
    }
    await expect(queue.getByTestId('queue-current')).toHaveText(String(n));
    await table.shots.step('called');

    // The TV shows it, large, with "now serving" in every language the hub offers at once (the
    // rest of the screen rotates through them), and chimes.
    const band = tv.getByRole('region').filter({ has: tv.getByTestId('now-serving-number') });
    await expect(tv.getByTestId('now-serving-number')).toHaveText(String(n));
    await expect(tv.getByTestId('now-serving-number')).toBeInViewport();
    // And where to go: table 3, in every language the hub offers at once.
    const goTo = tv.getByTestId('now-serving-table');
    for (const l of requireSite(kiosk.core.ctx).settings.languages) {
      await expect(band).toContainText(wordsFor(l)('stations:nowServing'));
      await expect(goTo).toContainText(wordsFor(l)('stations:goToTable', { table: '\u20683\u2069' }));
    }
    await expect(goTo).toBeInViewport();
    expect(kiosk.core.services.queue.nowServing().current).toMatchObject({ number: n, table: '3' });
    const size = await tv.getByTestId('now-serving-number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(72);
    await expect.poll(tones).toBeGreaterThanOrEqual(2);
    // The wait is the one core estimates from the pace of the calls (or none), in the language on screen now.
    const honest = kiosk.core.services.queue.nowServing();
    await expect
      .poll(async () => {
        const words = wordsFor((await tv.locator('html').getAttribute('lang')) ?? lng);
        const wait =
          honest.waiting === 0
            ? words('stations:noneWaiting')
            : honest.waitMinutes === null
              ? words('stations:waitUnknown', { n: honest.waiting })
              : words('stations:wait', { minutes: honest.waitMinutes, n: honest.waiting });
        return (await band.innerText()).includes(wait);
      })
      .toBe(true);
    await tvWords.shots.step('now-serving');

    // Nobody comes: the table calls the same number again; the TV chimes again.
    const before = await tones();
    kiosk.clock.advance(60_000);
    await table.touch.tap(queue.getByRole('button', { name: table.w('stations:callAgain', { number: n }) }));
    await expect.poll(tones).toBeGreaterThan(before);
    await expect(tv.getByTestId('now-serving-number')).toHaveText(String(n));
    await tv.setViewportSize({ width: 1366, height: 768 });
    await expect(tv.getByTestId('now-serving-number')).toBeInViewport();
    await tvWords.shots.step('called-again');

    // The table calls whoever is still waiting; then the TV says nobody is, not "0 min · 0 waiting".
    const left = kiosk.core.services.queue.nowServing().waiting;
    for (let i = 0; i < left; i += 1) {
      kiosk.clock.advance(3 * 60_000);
      await table.touch.tap(queue.getByRole('button', { name: table.w('stations:callNext') }));
      await expect(queue.getByText(table.w('stations:waiting', { n: left - i - 1 }))).toBeVisible();
    }
    expect(kiosk.core.services.queue.nowServing().waiting).toBe(0);
    await expect
      .poll(async () => {
        const words = wordsFor((await tv.locator('html').getAttribute('lang')) ?? lng);
        const text = await band.innerText();
        return (
          text.includes(words('stations:noneWaiting')) &&
          !text.includes(words('stations:wait', { minutes: 0, n: 0 })) &&
          !text.includes(words('stations:waitUnknown', { n: 0 }))
        );
      })
      .toBe(true);
    await tvWords.shots.step('none-waiting');
  });
}
