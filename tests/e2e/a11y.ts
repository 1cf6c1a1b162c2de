import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 level A and AA, every version: what the kiosk promises (DESIGN.md, promise 4). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One axe audit for every suite, with no rule switched off; `include` narrows it to a region. */
export function wcagAudit(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(WCAG_22_AA);
  return (include ? builder.include(include) : builder).analyze();
}
