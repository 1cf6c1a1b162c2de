import { Worker } from 'node:worker_threads';
import type { Db } from './open';
import { sqliteDriverPath } from './driver';

// The worker opens its own read-only connection to the same file and serializes it there: in
// WAL mode that connection reads one consistent snapshot while the kiosk keeps writing, and the
// copy (hundreds of megabytes on a hub with years of history) never holds up the main thread.
// It is an eval worker so the bundler needs no second entry point (driver.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  const image = db.serialize();
  // The driver's buffer lives outside V8's heap and cannot be transferred; one copy here, in
  // the worker, into memory that can, and the hand-over to the main thread copies nothing.
  const out = new ArrayBuffer(image.length);
  new Uint8Array(out).set(image);
  parentPort.postMessage(out, [out]);
} finally {
  db.close();
}
`;

/**
 * An in-memory image of the database (the bytes of a SQLite file), made off the main thread.
 * An in-memory database (tests) has no file for a second connection to open: it is serialized
 * in place.
 */
export function snapshotImage(db: Db): Promise<Buffer> {
  if (db.memory || !db.name) return Promise.resolve(db.serialize());
  const driver = sqliteDriverPath();
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: db.name, driver } });
    let done = false;
    worker.once('message', (image: ArrayBuffer) => {
      done = true;
      resolve(Buffer.from(image));
    });
    worker.once('error', (err: unknown) => {
      done = true;
      // A worker can throw anything; the caller gets an Error either way.
      reject(err instanceof Error ? err : new Error(String(err)));
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`snapshot worker exited with ${code}`));
    });
  });
}
