import type { ApiResult } from '../../shared/api/errors';

/** Runs a board write, shows its refusal if any, and says whether it went through. */
export type Act = (run: () => Promise<ApiResult<unknown>>) => Promise<boolean>;

/** What a write to the board makes old: the board, and the gaps it shares as needs. */
export const BOARD_CHANGES = { invalidates: ['board.list', 'board.gaps'] } as const;
