import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Paper } from '../../shared/slips/paper';
import { pageHeightMm, pageRule } from './shell-print';

/**
 * Something printed, as the printer gets it, in a portal on <body>: while it is there, print CSS
 * shows it and nothing else, under an @page that matches the paper (a receipt roll is as long
 * as what is printed). `preview` shows it on screen too; otherwise it exists for the printer
 * only and is hidden from the screen and from screen readers. Returns the page height in mm
 * through `heightRef` once laid out. `redraw` is whatever changes the printed length.
 */
export function PaperPrintArea({
  paper,
  preview,
  heightRef,
  redraw,
  children,
}: {
  paper: Paper;
  preview: boolean;
  heightRef: RefObject<number | null>;
  redraw: unknown;
  children: ReactNode;
}) {
  const area = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // The printed thing itself, not its area (which fills the screen beside the preview's controls).
    const height = pageHeightMm(paper, area.current?.firstElementChild?.scrollHeight ?? 800);
    heightRef.current = height;
    // A constructed sheet, not a <style> element: the CSP allows no inline styles.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageRule(paper, height));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [paper, redraw, heightRef]);
  return createPortal(
    <div
      className={preview ? 'print-area' : 'print-area print-area-hidden'}
      ref={area}
      data-testid="print-area"
      aria-hidden={preview ? undefined : true}
    >
      {children}
    </div>,
    document.body,
  );
}
