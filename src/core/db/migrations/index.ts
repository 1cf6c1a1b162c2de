import type { Migration } from './types';
import { foundation } from './0010-foundation';
import { slipPickups } from './0040-slip-pickups';

/** Forward-only, in order. Add new ones at the end with the next free multiple of ten. */
export const MIGRATIONS: readonly Migration[] = [foundation, slipPickups];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
