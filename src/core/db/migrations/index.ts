import type { Migration } from './types';
import { foundation } from './0010-foundation';
import { intake } from './0030-intake';

/** Forward-only, in order. Add new ones at the end with the next free multiple of ten. */
export const MIGRATIONS: readonly Migration[] = [foundation, intake];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
