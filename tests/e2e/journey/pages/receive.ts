import type { Page } from '@playwright/test';
import type { Touch } from './touch';
import type { Words } from './words';

/**
 * The stock room finds an item with no barcode by name: the words typed on the on-screen
 * keyboard in the scan field, Find, and the first item found, which opens its receive form.
 */
export async function findToReceive(page: Page, touch: Touch, w: Words, words: string): Promise<void> {
  await touch.tapText(page.getByLabel(w('inventory:receive.scanLabel')), words);
  await touch.tap(page.getByRole('button', { name: w('inventory:receive.find'), exact: true }));
  await touch.tap(
    page
      .getByRole('list', { name: w('inventory:receive.results') })
      .getByRole('button')
      .first(),
  );
}
