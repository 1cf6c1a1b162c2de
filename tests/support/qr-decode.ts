import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrMatrix, type QrMatrix } from '../../src/shared/slips/qr';

/** Rasterises a slip's QR (4-module quiet zone, `scale` px per module) to RGBA pixels. */
export function rasterize(digits: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  return rasterizeMatrix(qrMatrix(digits), scale);
}

/** Rasterises any QR matrix (4-module quiet zone, `scale` px per module) to RGBA pixels. */
export function rasterizeMatrix({ size, path }: QrMatrix, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const dark = new Set<string>();
  // Parse our own path format back: "M{x} {y}h{w}v1h{-w}z" per run of dark modules.
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i += 1) dark.add(`${x + i},${y}`);
  }
  const full = size + 8;
  const width = full * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py += 1) {
    for (let px = 0; px < width; px += 1) {
      const mx = Math.floor(px / scale) - 4;
      const my = Math.floor(py / scale) - 4;
      if (dark.has(`${mx},${my}`)) {
        const o = (py * width + px) * 4;
        data[o] = data[o + 1] = data[o + 2] = 0;
      }
    }
  }
  return { data, width, height: width };
}

export function decodeRgba(img: { data: Uint8ClampedArray; width: number; height: number }): string | null {
  return jsQR(img.data, img.width, img.height)?.data ?? null;
}

export function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return decodeRgba({ data: new Uint8ClampedArray(image.data), width: image.width, height: image.height });
}
