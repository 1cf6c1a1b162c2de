import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The three screens the hub has: a laptop, the intake tablet, the portrait kiosk. */
export const SIZES = [
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1366x768', width: 1366, height: 768 },
] as const;

export const JOURNEY_DIR = join('test-results', 'journey');

/**
 * A screenshot of every step at each of the three sizes, in test-results/journey/: the story
 * runs at one size, and each step's state is looked at again at the others (the layout reflows;
 * the state is the same). Named <story>-<nn>-<step>-<size>.png so they sort in story order.
 */
export class Shots {
  private n = 0;

  constructor(
    readonly page: Page,
    readonly story: string,
  ) {
    mkdirSync(JOURNEY_DIR, { recursive: true });
  }

  async step(name: string): Promise<void> {
    this.n += 1;
    const base = `${this.story}-${String(this.n).padStart(2, '0')}-${name}`;
    const before = this.page.viewportSize();
    const t0 = Date.now();
    for (const size of SIZES) {
      await this.page.setViewportSize({ width: size.width, height: size.height });
      await this.page.screenshot({ path: join(JOURNEY_DIR, `${base}-${size.name}.png`), animations: 'disabled' });
    }
    // The story runs at the laptop's size, the last one shot: back to it only if it was another.
    if (before && (before.width !== 1366 || before.height !== 768)) await this.page.setViewportSize(before);
    if (process.env.JOURNEY_TIMING) console.log(`shot ${base}: ${Date.now() - t0} ms`);
  }
}
