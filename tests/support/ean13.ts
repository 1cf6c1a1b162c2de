/**
 * EAN-13 drawn from the standard tables (GS1 General Specifications, 5.2.1): the first digit
 * is not drawn but picks which of the left six digits use set A (L) or set B (G); the right six
 * use set C (R). Used to put a real product barcode in front of the fake camera.
 */
const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const G = ['0100111', '0110011', '0011011', '0100001', '0011101', '0111001', '0000101', '0010001', '0001001', '0010111'];
const R = ['1110010', '1100110', '1101100', '1000010', '1011100', '1001110', '1010000', '1000100', '1001000', '1110100'];
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];
/** ISO/IEC 15420 asks for at least 11 modules of quiet zone on the left, 7 on the right. */
export const QUIET_LEFT = 11;
export const QUIET_RIGHT = 7;

export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** The 95 modules of an EAN-13 ('1' = bar), quiet zones excluded. A 12-digit UPC-A gets a leading 0. */
export function ean13Modules(code: string): string {
  const digits = code.length === 12 ? `0${code}` : code;
  if (!/^\d{13}$/.test(digits)) throw new Error(`EAN-13 needs 13 digits, got ${code}`);
  if (ean13CheckDigit(digits.slice(0, 12)) !== Number(digits[12])) throw new Error(`bad check digit in ${code}`);
  const d = [...digits].map(Number);
  const parity = PARITY[d[0] ?? 0] ?? 'LLLLLL';
  let bars = '101';
  for (let i = 1; i <= 6; i += 1) bars += (parity[i - 1] === 'G' ? G : L)[d[i] ?? 0];
  bars += '01010';
  for (let i = 7; i <= 12; i += 1) bars += R[d[i] ?? 0];
  return `${bars}101`;
}

/** A grey image (one byte per pixel, 0 black, 255 white) of the barcode with its quiet zones. */
export function rasterizeEan13(code: string, moduleWidth = 4, barHeight = 160): { width: number; height: number; data: Uint8Array } {
  const modules = '0'.repeat(QUIET_LEFT) + ean13Modules(code) + '0'.repeat(QUIET_RIGHT);
  const width = modules.length * moduleWidth;
  const data = new Uint8Array(width * barHeight);
  for (let x = 0; x < width; x += 1) {
    const dark = modules[Math.floor(x / moduleWidth)] === '1';
    for (let y = 0; y < barHeight; y += 1) data[y * width + x] = dark ? 0 : 255;
  }
  return { width, height: barHeight, data };
}
