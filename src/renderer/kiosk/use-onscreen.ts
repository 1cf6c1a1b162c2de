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
      const other = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (other && !wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [open]);
  return { wrapper, open, setOpen };
}
