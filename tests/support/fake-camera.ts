import { writeFileSync } from 'node:fs';
import { rasterize } from './qr-decode';

/**
 * Writes a Y4M video (what Chromium's --use-file-for-fake-video-capture plays as the camera)
 * showing the QR for `digits` on white, centred in a 640x480 frame: the camera e2e test points
 * the real getUserMedia + jsQR path at a real QR image.
 */
export function writeQrVideo(file: string, digits: string, frames = 10): void {
  const W = 640;
  const H = 480;
  const qr = rasterize(digits, 6);
  const y = Buffer.alloc(W * H, 235);
  const x0 = Math.floor((W - qr.width) / 2);
  const y0 = Math.floor((H - qr.height) / 2);
  for (let row = 0; row < qr.height; row += 1) {
    for (let col = 0; col < qr.width; col += 1) {
      const dark = (qr.data[(row * qr.width + col) * 4] ?? 255) < 128;
      y[(y0 + row) * W + x0 + col] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
