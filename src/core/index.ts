import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { closeDatabase, openDatabase, type Db } from './db/open';
import { systemClock, systemIds, systemKeys, type Clock, type Ids, type KeySource } from './deps';
import { nowIso, type CoreContext } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { joinHandlers, type Handlers } from './handlers';
import { SessionStore } from './site/sessions';
import { systemPinHasher, type PinHasher } from './site/pin';
import { PinThrottle } from './site/pin-throttle';
import { siteHandlers } from './site/handlers';
import { SiteService } from './site/site-service';
import { SlipKeyring } from './slips/signing';
import { SlipService } from './slips/slip-service';
import { IntakeService } from './intake/intake-service';
import { intakeHandlers } from './intake/handlers';
import { slipHandlers } from './slips/handlers';
import { sessionStillHolds, VolunteerService } from './site/volunteers';
import { volunteerHandlers } from './site/volunteer-handlers';
import { BoardService } from './board/board-service';
import { GapService } from './board/gap-service';
import { MatchService } from './board/match-service';
import { PublicBoardService } from './board/public-view';
import { boardHandlers } from './board/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { ExchangeService } from './exchange/exchange-service';
import { removeBackupLeftovers } from './exchange/backup';
import { pruneHistory, prunePrintedCopies } from './retention/retention';
import { systemDrives, type DriveSource } from './exchange/drives';
import type { WriteHooks } from './exchange/atomic-write';
import { CatalogueService } from './inventory/catalogue-service';
import { CountService } from './inventory/count-service';
import { StockService } from './inventory/stock-service';
import { inventoryHandlers } from './inventory/handlers';
import { printingHandlers } from './printing/handlers';
import { PrintingService } from './printing/printing-service';
import { browserShell, type ShellPort } from './printing/shell-port';
import { readSite } from './site/site-service';

export type { ShellPort };
import { StationService } from './stations/station-service';
import { stationHandlers } from './stations/handlers';
import { EventBus } from './stations/events';
import { RequestLog } from './stations/request-log';
import { CommitGroup } from './db/commit-group';
import { Checkpointer } from './db/checkpointer';
import { isSharedWrite } from '../shared/api/events';
import { QueueService } from './queue/queue-service';
import { queueHandlers } from './queue/handlers';
import { NetworkExchange, type NetworkDeps } from './exchange/network-sync';
import { networkHandlers } from './exchange/network-handlers';
import { NetworkSchedule, systemTicker, type Ticker } from './exchange/network-schedule';
import { findLocalSyncthing } from './exchange/syncthing';
import { monthHandlers } from './reports/handlers';
import { donorHandlers } from './donors/handlers';
import { DonorService } from './donors/donor-service';
import { WeightCategoryService } from './reports/weight-categories';
import { ShiftService } from './shifts/shift-service';
import { ReportService } from './reports/report-service';

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
  /** What the shell around core does (print, list printers, quit); browser mode's by default. */
  shell?: ShellPort;
  /** The local Syncthing, for sharing over the network (tests pass a fake one). */
  network?: Omit<NetworkDeps, 'drives'>;
  /** The timer of the network folder's looks and of background checkpoints (tests pass one driven by their clock). */
  ticker?: Ticker;
  /**
   * 'background': the write-ahead log is checkpointed by a worker thread (db/checkpointer.ts), as
   * the hosts run. Without it the core's connection checkpoints inline, SQLite's default.
   */
  walCheckpoints?: 'background';
}

export interface Core {
  dispatch: Dispatch;
  ctx: CoreContext;
  services: {
    site: SiteService;
    slips: SlipService;
    intake: IntakeService;
    sessions: SessionStore;
    volunteers: VolunteerService;
    board: BoardService;
    matches: MatchService;
    gaps: GapService;
    publicBoard: PublicBoardService;
    exchange: ExchangeService;
    catalogue: CatalogueService;
    stock: StockService;
    counts: CountService;
    printing: PrintingService;
    stations: StationService;
    queue: QueueService;
    network: NetworkExchange;
    /** Looks at the network folder on an interval and exports after closing time; a host starts it (boot.ts). */
    networkSchedule: NetworkSchedule;
  };
  /** The event channel: hosts subscribe and carry events to their screens. */
  events: EventBus;
  /** The background checkpoints, when the core runs them (CoreDeps.walCheckpoints). */
  checkpoints: Checkpointer | null;
  close(): void;
}

/** Builds the core on an open database. Everything it depends on is passed in. */
export function createCore(deps: CoreDeps): Core {
  const clock = deps.clock ?? systemClock;
  const ctx: CoreContext = { db: deps.db, clock, ids: deps.ids ?? systemIds(clock), keys: deps.keys ?? systemKeys };
  // Before anything else: no plaintext copy of the database outlives a crash of an older version.
  if (!deps.db.memory) removeBackupLeftovers(dirname(deps.db.name));
  const sessions = new SessionStore(ctx.clock, ctx.ids, undefined, (s) => sessionStillHolds(ctx, s));
  const queue = new QueueService(ctx);
  const slips = new SlipService(ctx, new SlipKeyring(ctx.db), (slipId) => queue.numberOf(slipId));
  const intake = new IntakeService(ctx, slips);
  // Keep the consent screen's promise from the first moment, even if no one visits today.
  intake.forgetOldContacts();
  // And what no report or screen reads any more leaves (core/retention): in the database now,
  // the printed copies in the background.
  pruneHistory(ctx);
  if (!deps.db.memory) void prunePrintedCopies(dirname(deps.db.name), clock.now()).catch(() => undefined);
  const volunteers = new VolunteerService(ctx, sessions, deps.pinHasher ?? systemPinHasher);
  const board = new BoardService(ctx);
  const matches = new MatchService(ctx, board);
  const gaps = new GapService(ctx, board);
  const publicBoard = new PublicBoardService(ctx, board, gaps);
  const catalogue = new CatalogueService(ctx);
  const stock = new StockService(ctx, catalogue);
  const counts = new CountService(ctx);
  const site = new SiteService(ctx, sessions, volunteers, new PinThrottle(ctx, deps.kiosk));
  const printing = new PrintingService(ctx, deps.shell ?? browserShell);
  const stations = new StationService(ctx);
  const events = new EventBus();
  const network = new NetworkExchange(ctx, { find: () => findLocalSyncthing(), ...deps.network, drives: deps.drives ?? systemDrives });
  const exchange = new ExchangeService(ctx, {
    drives: deps.drives ?? systemDrives,
    ...(deps.writeHooks ? { writeHooks: deps.writeHooks } : {}),
    trustChanged: (siteId) => network.trustChanged(siteId),
  });
  const networkSchedule = new NetworkSchedule(network, {
    ticker: deps.ticker ?? systemTicker,
    logError: (err, what) => deps.logError?.(err, what),
    applied: () => events.publish({ topic: 'board', channel: 'network.sync', at: nowIso(ctx) }),
  });

  // One group per feature; TypeScript checks that together they cover every channel, and a
  // channel handled in two groups stops here.
  const handlers: Handlers = joinHandlers(
    siteHandlers(site),
    intakeHandlers(intake),
    slipHandlers(slips),
    volunteerHandlers(volunteers),
    boardHandlers(board, matches, gaps, publicBoard),
    exchangeHandlers(exchange),
    networkHandlers(network),
    inventoryHandlers(catalogue, stock, counts),
    printingHandlers(printing),
    stationHandlers(stations),
    queueHandlers(queue),
    monthHandlers(new ReportService(ctx), new ShiftService(ctx)),
    donorHandlers(new DonorService(ctx), new WeightCategoryService(ctx)),
  );

  const dispatchOptions = {
    isSetUp: () => readSite(ctx) !== null,
    ...(deps.logError ? { logError: deps.logError } : {}),
    requests: new RequestLog(ctx.db),
    // The writes stations make together (intake, pickup, stock, the queue) share one commit.
    grouped: { commits: new CommitGroup(ctx.db), channels: isSharedWrite },
    now: () => ctx.clock.now(),
    onSuccess: (channel: string) => {
      events.published(channel, nowIso(ctx));
      // After closing time our bundle goes into the network folder; the answer does not wait for it.
      if (channel === 'shifts.close_day') void networkSchedule.afterClose();
    },
  };
  const checkpoints =
    deps.walCheckpoints === 'background' && !deps.db.memory
      ? new Checkpointer(deps.db, {
          ticker: deps.ticker ?? systemTicker,
          logError: (err) => deps.logError?.(err, 'db.checkpoint'),
        })
      : null;
  return {
    dispatch: createDispatch(handlers, sessions, dispatchOptions),
    ctx,
    events,
    checkpoints,
    services: {
      site,
      slips,
      intake,
      sessions,
      volunteers,
      board,
      matches,
      gaps,
      publicBoard,
      exchange,
      catalogue,
      stock,
      counts,
      printing,
      stations,
      queue,
      network,
      networkSchedule,
    },
    close: () => {
      void networkSchedule.stop();
      void checkpoints?.stop();
      closeDatabase(deps.db);
    },
  };
}

export const DATABASE_FILE = 'kiosk.sqlite';

/** Opens (creating if needed) the site database in a data folder. */
export function openDataDir(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabase(join(dataDir, DATABASE_FILE));
}
