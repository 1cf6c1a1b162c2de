import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatOneDReader, RGBLuminanceSource } from '@zxing/library';

/** The retail symbologies on pantry goods: EAN-13 (and UPC-A inside it), EAN-8, UPC-E. */
export const PRODUCT_FORMATS = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E];

export interface ProductReader {
  reader: MultiFormatOneDReader;
  hints: Map<DecodeHintType, unknown>;
}

/**
 * One reader, configured once: ZXing's pure TypeScript port, no wasm, nothing fetched. This is
 * the 1D reader MultiFormatReader itself delegates to for these formats; called directly
 * because MultiFormatReader 0.23.0 console.warns on every frame without a barcode (its
 * NotFoundException is not a ReaderException), five times a second while aiming.
 */
export function productReader(): ProductReader {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, PRODUCT_FORMATS],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return { reader: new MultiFormatOneDReader(hints), hints };
}

/** RGBA pixels (a canvas's ImageData) to one luminance byte per pixel, the usual weights. */
export function toLuminance(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i += 1, p += 4) {
    out[i] = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
  }
  return out;
}

/**
 * Reads a product barcode from a grey image; null when none is found (the usual case while the
 * volunteer is still aiming). Only digits come back, so the caller can hand them to the same
 * lookup a USB scan uses.
 */
export function decodeProductBarcode(
  { reader, hints }: ProductReader,
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
): string | null {
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
    const text = reader.decode(bitmap, hints).getText();
    return /^\d{8,14}$/.test(text) ? text : null;
  } catch {
    // ZXing throws NotFound/Checksum/Format exceptions for "no barcode in this frame".
    return null;
  } finally {
    reader.reset();
  }
}
