import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far beyond the screen a block is kept mounted (and mounted ahead of a scroll). */
const NEAR = '150% 0px';

/**
 * The element that scrolls `el` (the volunteer pane, say), or null for the window. The observer
 * must watch that one: its margin reaches beyond the root only, and an inner scroller clips.
 */
function scroller(el: HTMLElement): HTMLElement | null {
  // body and html scroll with the window (their overflow reads 'auto' once overflow-x is hidden).
  for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

interface BlockProps {
  as: 'ul' | 'ol' | 'div';
  className?: string;
  /** Height (px) to hold before the block has ever been measured. */
  estimate: number;
  /** Always mounted: the first blocks paint with the page, and stay (find-in-page, readers). */
  pinned: boolean;
  children: ReactNode;
}

/**
 * A block of a long list: its content is in the page while the block is near the screen, else an
 * empty box of its last measured height, so the scroll bar and position stay true.
 */
function Block({ as: Tag, className, estimate, pinned, children }: BlockProps) {
  const ref = useRef<HTMLElement | null>(null);
  const [seen, setSeen] = useState(pinned);
  const near = pinned || seen;
  const height = useRef<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (pinned) return;
    // No observer (a test DOM): keep everything mounted, as before windowing.
    if (!el || typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (!entry) return;
        // Measured while still mounted: what the placeholder holds once the content goes.
        if (!entry.isIntersecting && el.childElementCount > 0) height.current = el.getBoundingClientRect().height;
        setSeen(entry.isIntersecting);
      },
      { root: scroller(el), rootMargin: NEAR },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [pinned]);
  const style = near ? undefined : { blockSize: `${height.current ?? estimate}px` };
  const setRef = (el: HTMLElement | null) => {
    ref.current = el;
  };
  return (
    <Tag ref={setRef} className={className} style={style} data-window={near ? 'near' : 'far'}>
      {near ? children : null}
    </Tag>
  );
}

export interface WindowedProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
  /** Items per block: blocks are what mount and unmount together. */
  block: number;
  /** Estimated height of one block before it is measured (px). */
  estimate: number;
  /** The element each block is (a list keeps its semantics: several lists, one per block). */
  as?: 'ul' | 'ol' | 'div';
  className?: string;
  /** Blocks always mounted at the top (the first page): they paint at once. */
  pinnedBlocks?: number;
}

/**
 * A long list rendered as a window: only the blocks near the screen are in the DOM, so a board
 * of ten thousand entries or a catalogue of five thousand items paints as fast as one screenful.
 * Variable heights are fine (each block is measured before it leaves).
 */
export function Windowed<T>({ items, keyOf, render, block, estimate, as = 'div', className, pinnedBlocks = 1 }: WindowedProps<T>) {
  const blocks: T[][] = [];
  for (let i = 0; i < items.length; i += block) blocks.push(items.slice(i, i + block));
  return (
    <>
      {blocks.map((b, i) => (
        // A block is keyed by its first item: appending a page keeps the blocks before it.
        <Block key={b[0] === undefined ? i : keyOf(b[0])} as={as} className={className} estimate={estimate} pinned={i < pinnedBlocks}>
          {b.map((item) => (
            <Fragment key={keyOf(item)}>{render(item)}</Fragment>
          ))}
        </Block>
      ))}
    </>
  );
}

/**
 * Calls `onNear` when the element it returns a ref for comes near the screen: the board asks for
 * its next page before the reader reaches the end. A button stays there for keyboards and readers.
 */
export function useWhenNear(onNear: () => void, active: boolean): (el: HTMLElement | null) => void {
  const latest = useRef(onNear);
  useEffect(() => {
    latest.current = onNear;
  }, [onNear]);
  const [el, setEl] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!el || !active || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) latest.current();
      },
      { root: scroller(el), rootMargin: NEAR },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, active]);
  return setEl;
}
