import { createRequire } from 'node:module';

/**
 * better-sqlite3 by absolute path, for the eval workers that open their own connection
 * (snapshot.ts, checkpointer.ts): an eval worker has no bundle entry of its own, so the driver
 * is resolved here, in the main thread, and handed over.
 */
export function sqliteDriverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}
