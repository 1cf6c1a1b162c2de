import { useCallback, useRef, useState } from 'react';
import type { BoardEntry, BoardView } from '../../shared/api/channels/board';

type Need = BoardView['needs'][number];
import type { ApiError } from '../../shared/api/errors';
import { useApiMutation } from '../api/query';

interface Pages {
  /** The board these pages continue: a new answer (a write, a reload) starts again from the top. */
  of: BoardView;
  needs: Need[];
  needsNext: string | null;
  offers: BoardEntry[];
  offersNext: string | null;
}

/**
 * The board comes a page at a time: `more(kind)` fetches the page after the one on screen and
 * appends it, only to the view it continues (a reload in between starts again from the top).
 */
export function useBoardPages(board: BoardView | undefined, setError: (e: ApiError) => void) {
  const paging = useApiMutation('board.page');
  const [pages, setPages] = useState<Pages | null>(null);
  const loading = useRef(false);
  const shown = pages && pages.of === board ? pages : null;
  const view: BoardView | null = board
    ? shown
      ? {
          ...board,
          needs: [...board.needs, ...shown.needs],
          needsNext: shown.needsNext,
          offers: [...board.offers, ...shown.offers],
          offersNext: shown.offersNext,
        }
      : board
    : null;
  const more = useCallback(
    async (kind: 'need' | 'offer') => {
      const after = kind === 'need' ? view?.needsNext : view?.offersNext;
      if (!board || !after || loading.current) return;
      loading.current = true;
      const result = await paging.call({ kind, after });
      loading.current = false;
      if (!result.ok) return setError(result.error);
      const page = result.value;
      setPages((p) => {
        const base =
          p && p.of === board ? p : { of: board, needs: [], needsNext: board.needsNext, offers: [], offersNext: board.offersNext };
        if (kind === 'need')
          return base.needsNext === after ? { ...base, needs: [...base.needs, ...page.needs], needsNext: page.next } : base;
        return base.offersNext === after ? { ...base, offers: [...base.offers, ...page.offers], offersNext: page.next } : base;
      });
    },
    [board, paging, view?.needsNext, view?.offersNext, setError],
  );
  return { view, more };
}
