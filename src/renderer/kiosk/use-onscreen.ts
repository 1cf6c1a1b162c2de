import { useEffect, useRef, useState } from 'react';

/**
 * Whether a field's on-screen keyboard (or pad, or picker) is open. It opens when the field is
 * focused and stays until another field takes focus or it is hidden: closing it on every blur
 * would shift the page under a finger mid-tap and the tap would land somewhere else.
 */
export function useOnScreen() {
  const wrapper = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onFocusIn = (e: FocusEvent) => {
      const other =
        e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (other && !wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [open]);
  // The keyboard opens below its field: brought into view above the visitor frame's fixed footer
  // (see scroll-margin in intake.css), or the keys a person needs sit under the Back/Next bar.
  // It stays in view while open: the first key typed can add a line above it (the privacy note
  // under the contact form) and push the next keys under the bar, mid-word.
  useEffect(() => {
    if (!open) return undefined;
    // Only while the person is at this field: once they tap a button (Review, Save), what that
    // button brings up (a refusal at the top of the form) is what must stay in view.
    const show = () => {
      if (!wrapper.current?.contains(document.activeElement)) return;
      wrapper.current.querySelector('.onscreen-keyboard')?.scrollIntoView?.({ block: 'nearest' });
    };
    show();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const watch = new ResizeObserver(show);
    watch.observe(document.body);
    return () => watch.disconnect();
  }, [open]);
  return { wrapper, open, setOpen };
}
