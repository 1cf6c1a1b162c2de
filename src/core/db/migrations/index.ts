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
import { printSettings } from './0110-print-settings';
import { unreadableCopies } from './0120-unreadable-copies';
import { exportSequences } from './0130-export-sequences';
import { visitCounts } from './0150-visit-counts';
import { stations } from './0160-stations';
import { movementNotes } from './0190-movement-notes';
import { relayDigests } from './0200-relay-digests';
import { networkExchange } from './0210-network-exchange';
import { month } from './0220-month';
import { tefap } from './0230-tefap';
import { boardPages } from './0260-board-pages';
import { itemAsks } from './0270-item-asks';
import { queueTables } from './0280-queue-tables';
import { liveEntries } from './0290-live-entries';
import { tefapTranslations } from './0300-tefap-translations';
import { currency } from './0310-currency';
import { digestApplied } from './0320-digest-applied';

/** Forward-only, in order. Add new ones at the end with the next free multiple of ten. */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  inventory,
  intake,
  slipPickups,
  board,
  exchange,
  volunteers,
  contactRetention,
  pinLookup,
  hotReads,
  printSettings,
  unreadableCopies,
  exportSequences,
  visitCounts,
  stations,
  movementNotes,
  relayDigests,
  networkExchange,
  month,
  tefap,
  boardPages,
  itemAsks,
  queueTables,
  liveEntries,
  tefapTranslations,
  currency,
  digestApplied,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
