/**
 * Paper the slip prints on, and how big its QR is on each. Thermal receipt printers are 203 dpi
 * (8 dots per mm): a QR module must be a whole number of dots or the printer smears alternate
 * columns. Page printers get a module of 12 dots at 300 dpi (and so 24 at 600 dpi).
 */
export const PAPERS = ['58', '80', 'a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

export interface PaperSpec {
  /** Sheet width in mm (receipts are a roll: their length follows the content). */
  widthMm: number;
  /** Fixed sheet height in mm for page paper; null for a roll. */
  heightMm: number | null;
  /** Printable width in mm (thermal heads are narrower than the roll). */
  printableMm: number;
  /** Printer dots per mm, and dots per QR module. */
  dotsPerMm: number;
  dotsPerModule: number;
}

export const PAPER_SPECS: Record<Paper, PaperSpec> = {
  '58': { widthMm: 58, heightMm: null, printableMm: 48, dotsPerMm: 8, dotsPerModule: 6 },
  '80': { widthMm: 80, heightMm: null, printableMm: 72, dotsPerMm: 8, dotsPerModule: 7 },
  a4: { widthMm: 210, heightMm: 297, printableMm: 190, dotsPerMm: 300 / 25.4, dotsPerModule: 12 },
  letter: { widthMm: 215.9, heightMm: 279.4, printableMm: 195.9, dotsPerMm: 300 / 25.4, dotsPerModule: 12 },
};

/** The QR's printed side in mm, quiet zone included: a whole number of dots per module. */
export function qrSideMm(paper: Paper, modulesWithQuietZone: number): number {
  const spec = PAPER_SPECS[paper];
  return (modulesWithQuietZone * spec.dotsPerModule) / spec.dotsPerMm;
}
