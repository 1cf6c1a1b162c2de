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
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    qr: decodePng(readFileSync(join(JOURNEY_DIR, `${name}.png`))),
  };
}

export interface Printed {
  /** The words as read back, whatever the line breaks and columns. */
  text: string;
  widthMm: number;
  heightMm: number;
  pages: number;
}

/**
 * The same printing, with the sheet's size and page count from pdfinfo: for printouts whose
 * paper size is itself what is checked (a donor's receipt at 58/80 mm, A4 and Letter).
 */
export async function printedPdf(page: Page, dir: string, name: string): Promise<Printed> {
  await page.emulateMedia({ media: 'print' });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ printBackground: true, preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    // pdftotext wraps right-to-left runs in bidi controls (embeddings, marks): words are compared without them.
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' '),
    widthMm: (Number(size?.[1]) * 25.4) / 72,
    heightMm: (Number(size?.[2]) * 25.4) / 72,
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
  };
}
