import { useLayoutEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Paper } from '../../shared/slips/paper';
import type { PrintableSlip } from '../../shared/slips/schemas';
import { SlipPrint } from './SlipPrint';
import { pageHeightMm, pageRule } from './shell-print';

/**
 * The slip as the printer gets it, in a portal on <body>: while it is there, print CSS shows it
 * and nothing else, under an @page that matches the paper (a receipt's length follows the
 * slip). `preview` shows it on screen too (the pickup table's dialog); otherwise it exists for
 * the printer only and is hidden from the screen and from screen readers.
 * Returns the slip's page height in mm through `heightRef` once it is laid out.
 */
export function SlipPrintArea({ slip, paper, preview, heightRef }: { slip: PrintableSlip; paper: Paper; preview: boolean; heightRef: RefObject<number | null> }) {
  const area = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // The slip itself, not its area (which fills the screen beside the preview's controls).
    const height = pageHeightMm(paper, area.current?.firstElementChild?.scrollHeight ?? 800);
    heightRef.current = height;
    // A constructed sheet, not a <style> element: the CSP allows no inline styles.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageRule(paper, height));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [paper, slip, heightRef]);
  return createPortal(
    <div className={preview ? 'print-area' : 'print-area print-area-hidden'} ref={area} data-testid="print-area" aria-hidden={preview ? undefined : true}>
      <SlipPrint slip={slip} paper={paper} />
    </div>,
    document.body,
  );
}
