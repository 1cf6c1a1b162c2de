import { useEffect, useRef } from 'react';
import { BurstDetector, DEFAULT_BURST } from './scanner-burst';

type TextField = HTMLInputElement | HTMLTextAreaElement;

function textField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && ['text', 'search', 'number', 'tel', ''].includes(target.type)) return target;
  return null;
}

/** Sets a React-controlled field's value the way typing would, so React's state follows. */
function restoreValue(field: TextField, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for scanner bursts anywhere on the page while mounted. Keys typed at human speed pass
 * through untouched; a field marked `data-scan-field` handles scans itself. When a burst lands in a text field (the volunteer was typing a void reason
 * and scanned the next slip), the field gets back the text it had before the burst.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return undefined;
    const detector = new BurstDetector(DEFAULT_BURST);
    let before: { field: TextField; value: string } | null = null;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      // The code field takes scans itself (digits, then Enter submits its form): leave it be.
      if (e.target instanceof HTMLElement && e.target.dataset.scanField !== undefined) {
        detector.reset();
        return;
      }
      const result = detector.key(e.key, e.timeStamp);
      if (result.kind === 'started') {
        const field = textField(e.target);
        before = field ? { field, value: field.value } : null;
      } else if (result.kind === 'scan') {
        e.preventDefault();
        e.stopPropagation();
        if (before) restoreValue(before.field, before.value);
        before = null;
        handler.current(result.code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
