import { create, type QrSymbol } from 'qrcode/lib/core/qrcode.js';

export interface QrMatrix {
  size: number;
  version: number;
  /** One SVG path drawing every dark module as a 1x1 square, in module units. */
  path: string;
}

/** One SVG path for a symbol's dark modules, a run of them in a row as one rectangle, in module units. */
function matrixOf(symbol: QrSymbol): QrMatrix {
  const { size, data } = symbol.modules;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (data[row * size + col]) {
        const start = col;
        while (col < size && data[row * size + col]) col += 1;
        path += `M${start} ${row}h${col - start}v1h${start - col}z`;
      } else {
        col += 1;
      }
    }
  }
  return { size, version: symbol.version, path };
}

/**
 * Encodes slip digits as a numeric-mode QR at error correction Q. The path is in module units
 * so a printer can scale it by an integer number of dots per module and stay sharp.
 */
export function qrMatrix(digits: string): QrMatrix {
  return matrixOf(create([{ data: digits, mode: 'numeric' }], { errorCorrectionLevel: 'Q' }));
}

/** Any short text (a station's pairing link) as a QR at error correction M, for a phone's camera. */
export function textQrMatrix(text: string): QrMatrix {
  return matrixOf(create(text, { errorCorrectionLevel: 'M' }));
}

/** A standalone SVG (with a 4-module quiet zone) for printing or saving. */
export function qrSvg(digits: string, modulePx = 4): string {
  const { size, path } = qrMatrix(digits);
  const full = size + 8;
  const px = full * modulePx;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="-4 -4 ${full} ${full}" shape-rendering="crispEdges">` +
    `<rect x="-4" y="-4" width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
