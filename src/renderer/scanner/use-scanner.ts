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
 * through untouched. A burst is a scan wherever it lands, and the scan goes to `onScan`, never to
 * the field's own Enter:
 * - in a field marked `data-scan-field` (the code or barcode field), the field then shows the
 *   code alone, not the code appended to a name searched for before;
 * - in any other text field (the volunteer was typing a void reason and scanned the next slip),
 *   the field gets back the text it had before the burst;
 * - a burst that began before the field had focus (a scan right after signing in, while the
 *   screen mounts) is still whole: its first keys are kept by the detector, not by the field.
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
      const field = textField(e.target);
      const result = detector.key(e.key, e.timeStamp);
      if (result.kind === 'started') {
        before = field ? { field, value: field.value } : null;
      } else if (field && before === null && e.key.length === 1) {
        // The burst began outside any field and moved into this one: its start is what it had.
        before = { field, value: field.value };
      } else if (result.kind === 'scan') {
        e.preventDefault();
        e.stopPropagation();
        if (field?.dataset.scanField !== undefined) restoreValue(field, result.code);
        else if (before) restoreValue(before.field, before.value);
        before = null;
        handler.current(result.code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
