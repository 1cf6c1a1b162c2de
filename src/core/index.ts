import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { closeDatabase, openDatabase, type Db } from './db/open';
import { systemClock, systemIds, systemKeys, type Clock, type Ids, type KeySource } from './deps';
import type { CoreContext } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import type { Handlers } from './handlers';
import { SessionStore } from './site/sessions';
import { systemPinHasher, type PinHasher } from './site/pin';
import { PinThrottle } from './site/pin-throttle';
import { siteHandlers } from './site/handlers';
import { SlipKeyring } from './slips/signing';
import { SlipService } from './slips/slip-service';
import { IntakeService } from './intake/intake-service';
import { intakeHandlers } from './intake/handlers';
import { slipHandlers } from './slips/handlers';
import { sessionStillHolds, VolunteerService } from './site/volunteers';
import { volunteerHandlers } from './site/volunteer-handlers';
import { BoardService } from './board/board-service';
import { boardHandlers } from './board/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { removeBackupLeftovers } from './exchange/backup';
import { systemDrives, type DriveSource } from './exchange/drives';
import type { WriteHooks } from './exchange/atomic-write';
import { InventoryService } from './inventory/inventory-service';
import { inventoryHandlers } from './inventory/handlers';
import { monthHandlers } from './reports/handlers';
import { ShiftService } from './shifts/shift-service';

export interface CoreDeps {
  db: Db;
  clock?: Clock;
  ids?: Ids;
  keys?: KeySource;
  logError?: (err: unknown, channel: string) => void;
  /** Removable drives and free space (tests pass temp folders). */
  drives?: DriveSource;
  /** Test hook: interrupt exports mid-write. */
  writeHooks?: WriteHooks;
  /** Hashes PINs (off the thread by default); tests pass one that counts. */
  pinHasher?: PinHasher;
  /** Which kiosk this core answers for: its wrong PINs are counted apart from other kiosks'. */
  kiosk?: string;
}

export interface Core {
  dispatch: Dispatch;
  ctx: CoreContext;
  services: { slips: SlipService; intake: IntakeService; sessions: SessionStore; volunteers: VolunteerService; board: BoardService; inventory: InventoryService };
  close(): void;
}

/** Builds the core on an open database. Everything it depends on is passed in. */
export function createCore(deps: CoreDeps): Core {
  const clock = deps.clock ?? systemClock;
  const ctx: CoreContext = { db: deps.db, clock, ids: deps.ids ?? systemIds(clock), keys: deps.keys ?? systemKeys };
  // Before anything else: no plaintext copy of the database outlives a crash of an older version.
  if (!deps.db.memory) removeBackupLeftovers(dirname(deps.db.name));
  const sessions = new SessionStore(ctx.clock, ctx.ids, undefined, (s) => sessionStillHolds(ctx, s));
  const slips = new SlipService(ctx, new SlipKeyring(ctx.db));
  const intake = new IntakeService(ctx, slips);
  // Keep the consent screen's promise from the first moment, even if no one visits today.
  intake.forgetOldContacts();
  const volunteers = new VolunteerService(ctx, sessions, deps.pinHasher ?? systemPinHasher);
  const board = new BoardService(ctx);
  const inventory = new InventoryService(ctx);

  // One group per feature; TypeScript checks that together they cover every channel.
  const handlers: Handlers = {
    ...siteHandlers(ctx, sessions, volunteers, new PinThrottle(ctx, deps.kiosk)),
    ...intakeHandlers(intake),
    ...slipHandlers(slips),
    ...volunteerHandlers(volunteers),
    ...boardHandlers(board),
    ...exchangeHandlers(ctx, { drives: deps.drives ?? systemDrives, ...(deps.writeHooks ? { writeHooks: deps.writeHooks } : {}) }),
    ...inventoryHandlers(ctx, inventory),
    ...monthHandlers(ctx, new ShiftService(ctx)),
  };


  const dispatchOptions = deps.logError ? { logError: deps.logError } : {};
  return {
    dispatch: createDispatch(handlers, sessions, dispatchOptions),
    ctx,
    services: { slips, intake, sessions, volunteers, board, inventory },
    close: () => closeDatabase(deps.db),
  };
}

export const DATABASE_FILE = 'kiosk.sqlite';

/** Opens (creating if needed) the site database in a data folder. */
export function openDataDir(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabase(join(dataDir, DATABASE_FILE));
}
