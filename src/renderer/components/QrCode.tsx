import { useMemo } from 'react';
import { qrMatrix, textQrMatrix } from '../../shared/slips/qr';

/** What the QR says: a slip's or a site card's digits (numeric, error correction Q), or any short text (a pairing link). */
export type QrContent = { digits: string; text?: never } | { text: string; digits?: never };

/**
 * A QR as crisp SVG. The viewBox is in modules with a 4-module quiet zone, so print CSS can
 * size it to a whole number of printer dots per module.
 */
export function QrCode({ label, modulePx = 5, ...content }: QrContent & { label: string; modulePx?: number }) {
  const { digits, text } = content;
  const { size, path } = useMemo(() => (digits !== undefined ? qrMatrix(digits) : textQrMatrix(text ?? '')), [digits, text]);
  const full = size + 8;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`-4 -4 ${full} ${full}`}
      width={full * modulePx}
      height={full * modulePx}
      shapeRendering="crispEdges"
      data-modules={size}
    >
      <rect x={-4} y={-4} width={full} height={full} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
