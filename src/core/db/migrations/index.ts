import type { Migration } from './types';
import { foundation } from './0010-foundation';
import { inventory } from './0020-inventory';
import { intake } from './0030-intake';
import { slipPickups } from './0040-slip-pickups';
import { board } from './0050-board';
import { exchange } from './0060-exchange';
import { volunteers } from './0070-volunteers';
import { contactRetention } from './0080-contact-retention';
import { pinLookup } from './0090-pin-lookup';
import { hotReads } from './0100-hot-reads';
import { unreadableCopies } from './0120-unreadable-copies';
import { exportSequences } from './0130-export-sequences';
import { visitCounts } from './0150-visit-counts';
import { month } from './0220-month';

/** Forward-only, in order. Add new ones at the end with the next free multiple of ten. */
export const MIGRATIONS: readonly Migration[] = [foundation, inventory, intake, slipPickups, board, exchange, volunteers, contactRetention, pinLookup, hotReads, unreadableCopies, exportSequences, visitCounts, month];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
