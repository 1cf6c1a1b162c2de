import type { Locator } from '@playwright/test';

/**
 * Where a number's sign is drawn beside its digits, as a reader sees it: 'before' (to the left,
 * "-2"), 'after' (to the right, "2-", as an unisolated "-2" lands in a right-to-left cell) or
 * 'none'. Measured from the glyphs' boxes on screen, not from the text's order in the page.
 */
export function signSide(number: Locator): Promise<'before' | 'after' | 'none'> {
  return number.evaluate((el) => {
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const box = (node: Node, at: number) => {
      const range = el.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    let sign: DOMRect | null = null;
    let digit: DOMRect | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        if (!sign && /[-−+]/.test(text[i]!)) sign = box(node, i);
        else if (!digit && /\p{Nd}/u.test(text[i]!)) digit = box(node, i);
      }
    }
    if (!sign || !digit) return 'none';
    return sign.left < digit.left ? 'before' : 'after';
  });
}
