import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_PAGE } from '../../shared/api/channels/board';
import { Windowed, useWhenNear } from '../components/Windowed';

/** Cards per block: a screen holds two or three, so a block about fills it. */
const BLOCK = 4;
/** A need card with its three suggestions, roughly; only until the block is measured. */
const CARD_PX = 420;

/**
 * A list of board cards as a window (only those near the screen are in the page) that asks for
 * the next page as the reader nears its end; the button does the same for keyboards and readers.
 */
export function BoardList<T extends { id: string }>({
  items,
  render,
  hasMore,
  onMore,
}: {
  items: readonly T[];
  render(item: T): ReactNode;
  hasMore: boolean;
  onMore(): void;
}) {
  const { t } = useTranslation('board');
  const near = useWhenNear(onMore, hasMore);
  return (
    <>
      <Windowed
        items={items}
        keyOf={(e) => e.id}
        render={render}
        block={BLOCK}
        estimate={BLOCK * CARD_PX}
        className="entries"
        pinnedBlocks={Math.ceil(BOARD_PAGE / BLOCK)}
      />
      {hasMore ? (
        <button ref={near} type="button" className="button button-secondary board-more" onClick={onMore}>
          {t('more')}
        </button>
      ) : null}
    </>
  );
}
