import { type Page } from '@playwright/test';
import { expect, test as base, type Kiosk } from '../fixtures';
import { UsbScanner } from './pages/scanner';
import { Shots } from './pages/shots';
import { Touch } from './pages/touch';
import { wordsFor } from './pages/words';

/**
 * The journey's hub: the e2e fixture's real host, core and SQLite (the demo hub, a fixed clock on
 * Saturday 28 November 2026, 10:00), seen through a touch screen. Everything a person does is a
 * tap; the laptop viewport is where each story runs, Shots looks at every step at all three sizes.
 */
export const test = base.extend({
  // Overridden here, not by test.use: a test.use in an imported module reaches only the first spec file.
  hasTouch: true,
  viewport: { width: 1366, height: 768 },
});

/** The hub's own language, as the coordinator set it up (a setting, not something a visitor does). */
export function hubLanguage(kiosk: Kiosk, language: string): void {
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', ?)").run(language);
}

export function person(page: Page, lng: string, story: string) {
  const w = wordsFor(lng);
  return { w, touch: new Touch(page, w), scanner: new UsbScanner(page), shots: new Shots(page, story) };
}

/** On-hand total of an item by its English name, from the real database. */
export function onHand(kiosk: Kiosk, name: string): number {
  return (
    kiosk.core.ctx.db
      .prepare(
        "SELECT COALESCE(SUM(o.qty), 0) AS n FROM on_hand o JOIN item_names n ON n.item_id = o.item_id AND n.locale = 'en' WHERE n.name = ?",
      )
      .get(name) as { n: number }
  ).n;
}

export { expect };
