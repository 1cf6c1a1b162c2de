import { writeFileSync } from 'node:fs';
import { rasterizeEan13 } from './ean13';
import { rasterize } from './qr-decode';

/**
 * Writes a Y4M video (what Chromium's --use-file-for-fake-video-capture plays as the camera)
 * showing the QR for `digits` on white, centred in a 640x480 frame: the camera e2e test points
 * the real getUserMedia + jsQR path at a real QR image.
 */
export function writeQrVideo(file: string, digits: string, frames = 10): void {
  const qr = rasterize(digits, 6);
  writeY4m(file, qr.width, qr.height, (i) => (qr.data[i * 4] ?? 255) < 128, frames);
}

/**
 * The same for a product barcode: an EAN-13 (or UPC-A) at 4 px a module, 460 px wide with its
 * quiet zones, as a box of cans would be held up to a laptop camera.
 */
export function writeEan13Video(file: string, code: string, frames = 10): void {
  const ean = rasterizeEan13(code, 4, 200);
  writeY4m(file, ean.width, ean.height, (i) => (ean.data[i] ?? 255) < 128, frames);
}

/** A still 640x480 picture, `dark(i)` per pixel of a w x h image centred on white, repeated. */
function writeY4m(file: string, w: number, h: number, dark: (i: number) => boolean, frames: number): void {
  const W = 640;
  const H = 480;
  const y = Buffer.alloc(W * H, 235);
  const x0 = Math.floor((W - w) / 2);
  const y0 = Math.floor((H - h) / 2);
  for (let row = 0; row < h; row += 1) {
    for (let col = 0; col < w; col += 1) y[(y0 + row) * W + x0 + col] = dark(row * w + col) ? 16 : 235;
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** A camera pointed at a blank wall: nothing to read, so the scanner stays open and aiming. */
export function writeBlankVideo(file: string, frames = 10): void {
  writeY4m(file, 0, 0, () => false, frames);
}
