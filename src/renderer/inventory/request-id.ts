import { useEffect, useRef } from 'react';

/**
 * A USB barcode scanner is a keyboard that types the digits very fast and then Enter. When the
 * focus is not in a text field (say, on a button after the last receipt), this catches that
 * burst anywhere on the screen so the volunteer never has to tap the field first. Keys typed
 * into a field are left to the field itself.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return undefined;
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      // People type slower than 100 ms a key; a scanner types far faster.
      if (e.timeStamp - last > 100) buffer = '';
      last = e.timeStamp;
      if (/^\d$/.test(e.key)) {
        buffer += e.key;
      } else if (e.key === 'Enter' && buffer.length >= 8) {
        e.preventDefault();
        const code = buffer;
        buffer = '';
        latest.current(code);
      } else {
        buffer = '';
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/** A fresh id per form submission, so a double tap or a retry records once. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

