import { useEffect, useId, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addPoint, isSigned, SIGNATURE_HEIGHT, SIGNATURE_WIDTH, strokes, toBox, type Point } from './signature';

const INK = '#111111';

function pen(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  const g = canvas?.getContext('2d') ?? null;
  if (!g) return null;
  g.strokeStyle = INK;
  g.fillStyle = INK;
  g.lineWidth = 4;
  g.lineCap = 'round';
  g.lineJoin = 'round';
  return g;
}

function draw(canvas: HTMLCanvasElement | null, path: string): void {
  const g = pen(canvas);
  if (!g) return;
  g.clearRect(0, 0, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  for (const s of strokes(path)) {
    const [first, ...rest] = s;
    if (!first) continue;
    g.beginPath();
    if (rest.length === 0) {
      g.arc(first.x, first.y, 2, 0, Math.PI * 2);
      g.fill();
      continue;
    }
    g.moveTo(first.x, first.y);
    for (const p of rest) g.lineTo(p.x, p.y);
    g.stroke();
  }
}

/**
 * A finger signature on the touch screen: pointer events on a canvas, in the compact path
 * TefapAnswer keeps (./signature.ts). The canvas draws from that path, so what is kept is what
 * the visitor saw; Clear starts again.
 */
export function SignaturePad({ label, value, onChange }: { label: string; value: string; onChange(path: string): void }) {
  const { t } = useTranslation('intake');
  const canvas = useRef<HTMLCanvasElement>(null);
  /** The path while a finger is down: drawn at once, handed up when it lifts. */
  const drawing = useRef<string | null>(null);
  const last = useRef<Point | null>(null);
  const statusId = useId();
  const labelId = useId();

  useEffect(() => {
    if (drawing.current === null) draw(canvas.current, value);
  }, [value]);

  // The touches that sign are the pad's own. touch-action: none keeps the page from scrolling,
  // but Chromium still reads a quick last stroke as a fling, and a tap on Clear soon after only
  // stopped that fling: no click. Touches the page never sees make no gesture at all. (Native
  // listeners: React's touch handlers are passive and cannot prevent.)
  useEffect(() => {
    const pad = canvas.current;
    if (!pad) return;
    const own = (e: TouchEvent) => e.preventDefault();
    pad.addEventListener('touchstart', own, { passive: false });
    pad.addEventListener('touchmove', own, { passive: false });
    return () => {
      pad.removeEventListener('touchstart', own);
      pad.removeEventListener('touchmove', own);
    };
  }, []);

  const at = (e: PointerEvent<HTMLCanvasElement>) => toBox(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect());
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    drawing.current = addPoint(value, p, true);
    last.current = p;
    draw(canvas.current, drawing.current);
  };
  // Each move draws only its own segment: a long signature is not redrawn sixty times a second.
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current === null) return;
    const p = at(e);
    const before = drawing.current;
    drawing.current = addPoint(before, p, false);
    const g = drawing.current !== before && last.current ? pen(canvas.current) : null;
    if (g && last.current) {
      g.beginPath();
      g.moveTo(last.current.x, last.current.y);
      g.lineTo(p.x, p.y);
      g.stroke();
      last.current = p;
    }
  };
  const up = () => {
    const path = drawing.current;
    drawing.current = null;
    last.current = null;
    if (path !== null) onChange(isSigned(path) ? path : value);
  };

  const signed = isSigned(value);
  return (
    <div className="signature">
      {/* Said on screen, not only to a screen reader: an empty box alone does not say "sign here". */}
      <p id={labelId} className="signature-label">
        {label}
      </p>
      <canvas
        ref={canvas}
        className="signature-pad"
        width={SIGNATURE_WIDTH}
        height={SIGNATURE_HEIGHT}
        role="img"
        aria-labelledby={labelId}
        aria-describedby={statusId}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="signature-row">
        <p id={statusId} className="signature-status" role="status">
          {signed ? t('tefap.signed') : t('tefap.notSigned')}
        </p>
        <button type="button" className="button button-secondary" disabled={!signed} onClick={() => onChange('')}>
          {t('tefap.clear')}
        </button>
      </div>
    </div>
  );
}
