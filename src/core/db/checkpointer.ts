import { Worker } from 'node:worker_threads';
import type { Ticker } from '../exchange/network-schedule';
import type { Db } from './open';
import { sqliteDriverPath } from './driver';

/** How often the background connection copies the write-ahead log into the database. */
export const CHECKPOINT_MS = 1000;
/** SQLite's own default: a commit that finds this many pages in the log checkpoints inline. */
export const INLINE_CHECKPOINT_PAGES = 1000;

/** What one checkpoint did: pages in the log, and how many of them are now in the database. */
export interface WalCheckpoint {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Checkpoints off the only thread. In WAL mode every commit appends to the log, and the commit
 * that finds the log past 1,000 pages copies it into the database and syncs that file, inline:
 * at a busy hub that is a 30–40 ms stall every few seconds on the thread that answers every
 * screen and station (the p95 of "Get my slip" was twice its median). Here a second connection
 * on a worker thread runs a PASSIVE checkpoint every second (it never blocks a writer and never
 * waits for one), and the core's own connection stops checkpointing once that connection is
 * open. If the worker cannot start or stops, the core's connection checkpoints again as SQLite
 * does by default: the log never grows without bound. An in-memory database has no log.
 */
export class Checkpointer {
  private worker: Worker | null;
  private pending = new Map<number, (result: WalCheckpoint | null) => void>();
  private nextId = 1;
  private inFlight = false;
  private cancelTick: (() => void) | null = null;
  private stopped = false;
  /** Resolves true once checkpoints run in the background, false if they stay inline. */
  readonly ready: Promise<boolean>;

  constructor(
    private readonly db: Db,
    options: { ticker: Ticker; intervalMs?: number; logError?: (err: unknown) => void; driver?: string },
  ) {
    const driver = options.driver ?? sqliteDriverPath();
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: db.name, driver } });
    this.worker.unref();
    let settle: (ok: boolean) => void = () => undefined;
    this.ready = new Promise<boolean>((resolve) => (settle = resolve));
    this.worker.on('message', (m: { type: 'ready' } | { type: 'done'; id: number; result: WalCheckpoint | null }) => {
      if (m.type === 'ready') {
        if (this.stopped || !this.db.open) return;
        this.db.pragma('wal_autocheckpoint = 0');
        this.cancelTick = options.ticker.every(options.intervalMs ?? CHECKPOINT_MS, () => {
          if (!this.inFlight) void this.checkpoint();
        });
        settle(true);
        return;
      }
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
    this.worker.on('error', (err) => options.logError?.(err));
    this.worker.on('exit', () => {
      this.worker = null;
      this.inline();
      settle(false);
    });
  }

  /** One checkpoint now, in the background (null when the worker is gone or the checkpoint failed). */
  checkpoint(): Promise<WalCheckpoint | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    this.inFlight = true;
    return new Promise<WalCheckpoint | null>((resolve) => {
      this.pending.set(id, (result) => {
        this.inFlight = false;
        resolve(result);
      });
      worker.postMessage({ type: 'checkpoint', id });
    });
  }

  /** Stops the worker; the core's connection checkpoints inline again (and at close, as always). */
  stop(): Promise<void> {
    const worker = this.worker;
    this.stopped = true;
    this.inline();
    if (!worker) return Promise.resolve();
    return new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'close' });
    });
  }

  private inline(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    for (const done of this.pending.values()) done(null);
    this.pending.clear();
    this.inFlight = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
  }
}

/** The worker: its own connection to the same file, one PASSIVE checkpoint per request. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// The database file is synced at the end of each checkpoint, as the core's own connection would.
db.pragma('synchronous = FULL');
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let result = null;
  try {
    result = db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch {
    // The next request tries again; nothing was half-done (a checkpoint either copies a page or does not).
  }
  parentPort.postMessage({ type: 'done', id: m.id, result });
});
`;
