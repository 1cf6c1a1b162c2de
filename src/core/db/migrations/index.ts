import type { Migration } from './types';
import { foundation } from './0010-foundation';
import { slipPickups } from './0040-slip-pickups';
import { board } from './0050-board';
import { volunteers } from './0070-volunteers';

/** Forward-only, in order. Add new ones at the end with the next free multiple of ten. */
export const MIGRATIONS: readonly Migration[] = [foundation, slipPickups, board, volunteers];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
