import { useMemo } from 'react';
import { qrMatrix } from '../../shared/slips/qr';

/**
 * The slip's QR as crisp SVG. The viewBox is in modules with a 4-module quiet zone, so print
 * CSS can size it to a whole number of printer dots per module.
 */
export function QrCode({ digits, label, modulePx = 5 }: { digits: string; label: string; modulePx?: number }) {
  const { size, path } = useMemo(() => qrMatrix(digits), [digits]);
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
