/**
 * Retail barcodes a cheap USB scanner reads off a can: UPC-A (12 digits), EAN-13 (13) and
 * EAN-8 (8), each ending in a GS1 mod-10 check digit. Validating the check digit catches a
 * mistyped or misread code before it lands in the catalogue.
 */
export type BarcodeKind = 'upc_a' | 'ean_13' | 'ean_8';

export function gtinCheckDigit(body: string): number {
  // From the right, weights alternate 3, 1, 3, ... over the digits before the check digit.
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function barcodeKind(code: string): BarcodeKind | null {
  if (!/^\d+$/.test(code)) return null;
  const kind: BarcodeKind | null = code.length === 12 ? 'upc_a' : code.length === 13 ? 'ean_13' : code.length === 8 ? 'ean_8' : null;
  if (!kind) return null;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1)) ? kind : null;
}

export function isValidBarcode(code: string): boolean {
  return barcodeKind(code) !== null;
}

/**
 * The spellings one product may arrive as: a UPC-A is the same product as the EAN-13 with a
 * leading zero (scanners are set up either way), so lookups and duplicate checks try both.
 */
export function barcodeVariants(code: string): string[] {
  if (code.length === 12) return [code, `0${code}`];
  if (code.length === 13 && code.startsWith('0')) return [code, code.slice(1)];
  return [code];
}
