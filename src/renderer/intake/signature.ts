/**
 * A finger signature as TefapAnswer keeps it (shared/reports/report.ts Signature): an SVG path of
 * moves and lines in a 600 x 200 box, whole numbers only, at most 40,000 characters. The pad
 * draws from the same path it sends, so what is stored is what the visitor saw.
 */
export const SIGNATURE_WIDTH = 600;
export const SIGNATURE_HEIGHT = 200;
export const SIGNATURE_MAX = 40_000;
/** Points closer than this to the last one add nothing a reader could see (box units). */
const MIN_STEP = 2;

export interface Point {
  x: number;
  y: number;
}

/** A pointer's place on the pad, in the box's units, clamped to the box (a finger slides off the edge). */
export function toBox(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }): Point {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  return {
    x: clamp(((clientX - rect.left) / Math.max(1, rect.width)) * SIGNATURE_WIDTH, SIGNATURE_WIDTH),
    y: clamp(((clientY - rect.top) / Math.max(1, rect.height)) * SIGNATURE_HEIGHT, SIGNATURE_HEIGHT),
  };
}

/** The strokes of a path, each a list of points. */
export function strokes(path: string): Point[][] {
  const out: Point[][] = [];
  const re = /([ML])\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)/g;
  for (const m of path.matchAll(re)) {
    const p = { x: Number(m[2]), y: Number(m[3]) };
    if (m[1] === 'M' || out.length === 0) out.push([p]);
    else out.at(-1)?.push(p);
  }
  return out;
}

/**
 * The path with one more point: a new stroke starts with M, a stroke goes on with L. A point too
 * close to the last adds nothing; a point past the size limit is left off (the signature so far stands).
 */
export function addPoint(path: string, p: Point, newStroke: boolean): string {
  if (!newStroke) {
    // The last point is the path's tail: read there, not by parsing it all on every move.
    const tail = /(\d+) (\d+)$/.exec(path);
    const last = tail ? { x: Number(tail[1]), y: Number(tail[2]) } : undefined;
    if (last && Math.abs(last.x - p.x) < MIN_STEP && Math.abs(last.y - p.y) < MIN_STEP) return path;
  }
  const next = `${path}${path ? ' ' : ''}${newStroke || !path ? 'M' : 'L'} ${p.x} ${p.y}`;
  return next.length > SIGNATURE_MAX ? path : next;
}

/**
 * Whether a path is a signature and not a tap: a stroke that went somewhere. A lone M (a touch
 * that did not move) is not one.
 */
export function isSigned(path: string): boolean {
  return strokes(path).some((s) => s.length > 1);
}
