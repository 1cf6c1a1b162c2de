import { useEffect, useRef } from 'react';

/**
 * Brings what just appeared into view: a form or a preview that opens under the part of the
 * screen a person was using (the receive form below the scan field, an import's preview below
 * the list of bundles) sits below the fold on a 768-pixel screen, where nobody sees it came.
 * `key` names what is shown (an item id, a bundle); each new one is scrolled to once.
 */
export function useIntoView<T extends HTMLElement>(key: string | null): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null) ref.current?.scrollIntoView?.({ block: 'start' });
  }, [key]);
  return ref;
}
