import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { BoardView } from '../../shared/api/channels/board';
import type { ApiError } from '../../shared/api/errors';
import { useApi } from '../api/context';

/**
 * The board comes a page at a time: `more(kind)` fetches the page after the one on screen and
 * appends it, only to the view it continues (a reload in between starts again from the top).
 */
export function useBoardPages(
  view: BoardView | null,
  setView: Dispatch<SetStateAction<BoardView | null>>,
  setError: (e: ApiError) => void,
) {
  const api = useApi();
  const loading = useRef(false);
  return useCallback(
    async (kind: 'need' | 'offer') => {
      const after = kind === 'need' ? view?.needsNext : view?.offersNext;
      if (!after || loading.current) return;
      loading.current = true;
      const result = await api.call('board.page', { kind, after });
      loading.current = false;
      if (!result.ok) return setError(result.error);
      const page = result.value;
      setView((v) => {
        if (!v) return v;
        if (kind === 'need') return v.needsNext === after ? { ...v, needs: [...v.needs, ...page.needs], needsNext: page.next } : v;
        return v.offersNext === after ? { ...v, offers: [...v.offers, ...page.offers], offersNext: page.next } : v;
      });
    },
    [api, view, setView, setError],
  );
}
