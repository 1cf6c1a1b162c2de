import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { decodePng } from '../../../support/qr-decode';
import { JOURNEY_DIR } from './shots';

/**
 * What the printer got: the page printed to a PDF in print media at its own paper size (as the
 * browser's print does), read back with pdftotext and rasterised with pdftoppm to decode the QR,
 * the way a scanner reads the paper. The PDF and PNG stay in test-results/journey/.
 */
export async function printedSlip(page: Page, name: string): Promise<{ text: string; qr: string | null }> {
  mkdirSync(JOURNEY_DIR, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const file = join(JOURNEY_DIR, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ printBackground: true, preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', file, join(JOURNEY_DIR, name)]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), qr: decodePng(readFileSync(join(JOURNEY_DIR, `${name}.png`))) };
}
