import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7, type Clock, type Ids, type KeySource } from '../../src/core/deps';

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  constructor(private ms = Date.UTC(2026, 10, 28, 10, 0, 0)) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Ids and "random" bytes from a counter: the same run gives the same ids every time. */
export function sequentialIds(clock: Clock, seed = 'test'): Ids {
  let n = 0;
  const next = (length: number) => {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      n += 1;
      const block = createHash('sha256').update(`${seed}:${n}`).digest();
      out.set(block.subarray(0, Math.min(block.length, length - filled)), filled);
      filled += block.length;
    }
    return out;
  };
  return { uuid: () => uuidv7(clock.now().getTime(), next(10)), random: next };
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Ed25519 key pairs derived from a seed: repeatable signatures in tests. */
export function seededKeys(seed = 'site'): KeySource {
  let n = 0;
  return {
    generate() {
      n += 1;
      const raw = createHash('sha256').update(`${seed}:key:${n}`).digest();
      const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
      return {
        privateKey: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
        publicKey: new Uint8Array(createPublicKey(privateKey).export({ format: 'der', type: 'spki' })),
      };
    },
  };
}

export function tempDir(prefix = 'kiosk-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
