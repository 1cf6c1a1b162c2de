import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface Printed {
  /** The words as read back, whatever the line breaks and columns. */
  text: string;
  widthMm: number;
  heightMm: number;
  pages: number;
}

/**
 * What reaches paper, as paper: the page printed to a PDF in print media under its own @page
 * (as the browser's print would), then read back with poppler's pdftotext and pdfinfo.
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
