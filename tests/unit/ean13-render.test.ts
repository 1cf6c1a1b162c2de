import { describe, expect, it } from 'vitest';
import { decodeProductBarcode, productReader } from '../../src/renderer/scanner/barcode-decode';
import { DEMO_ITEMS } from '../../src/core/demo/catalogue';
import { ean13CheckDigit, ean13Modules, rasterizeEan13 } from '../support/ean13';

// The fake camera's barcode must be a real one, read by the very decoder the stock room uses.
const read = (code: string, moduleWidth = 4) => {
  const img = rasterizeEan13(code, moduleWidth, 80);
  return decodeProductBarcode(productReader(), Uint8ClampedArray.from(img.data), img.width, img.height);
};

describe('EAN-13 renderer for the fake camera', () => {
  it('draws the textbook pattern for 4006381333931', () => {
    const m = ean13Modules('4006381333931');
    expect(m).toHaveLength(95);
    // Guards, and the first left digit 0 in set A (first digit 4 → parity LGLLGG).
    expect(m.slice(0, 10)).toBe('1010001101');
    expect(m.slice(45, 50)).toBe('01010');
    expect(m.slice(-3)).toBe('101');
    expect(ean13CheckDigit('400638133393')).toBe(1);
  });

  it('decodes back to the same digits with ZXing, for every parity pattern', () => {
    for (const code of ['4006381333931', '5909803382076', '9780201379624', '7501031311309', '3017620422003']) {
      expect(read(code)).toBe(code);
    }
    expect(read('4006381333931', 2)).toBe('4006381333931');
  });

  it('decodes a demo UPC-A as its 12 digits, the form the catalogue stores', () => {
    const beans = DEMO_ITEMS.find((i) => i.key === 'black-beans-15oz');
    expect(beans?.barcodes[0]).toBe('084879544544');
    expect(read('084879544544')).toBe('084879544544');
  });

  it('refuses a wrong check digit rather than draw a barcode nobody can read', () => {
    expect(() => ean13Modules('4006381333932')).toThrow(/check digit/);
  });

  it('finds nothing in a blank frame', () => {
    const blank = new Uint8ClampedArray(200 * 100).fill(255);
    expect(decodeProductBarcode(productReader(), blank, 200, 100)).toBeNull();
  });
});
