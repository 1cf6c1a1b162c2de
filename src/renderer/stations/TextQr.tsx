import { useMemo } from 'react';
import { create } from 'qrcode/lib/core/qrcode.js';

/** A QR of any short text (the pairing link), drawn as SVG in module units. */
export function TextQr({ text, label, modulePx = 6 }: { text: string; label: string; modulePx?: number }) {
  const { size, path } = useMemo(() => {
    const symbol = create(text, { errorCorrectionLevel: 'M' });
    const { size: n, data } = symbol.modules;
    let d = '';
    for (let row = 0; row < n; row += 1) for (let col = 0; col < n; col += 1) if (data[row * n + col]) d += `M${col} ${row}h1v1h-1z`;
    return { size: n, path: d };
  }, [text]);
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
    >
      <rect x={-4} y={-4} width={full} height={full} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
