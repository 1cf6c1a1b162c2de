import { createHash, scrypt } from 'node:crypto';
import type { PinHasher } from '../../src/core/site/pin';

/** A PIN hasher that counts its calls. `fast` swaps scrypt for sha256 so tests can add 80 volunteers quickly. */
export function countingHasher(kind: 'scrypt' | 'fast' = 'fast'): PinHasher & { calls: number } {
  const hasher = Object.assign(
    (pin: string, salt: Uint8Array, cost: { N: number; keyLength: number }): Promise<Uint8Array> => {
      hasher.calls += 1;
      if (kind === 'fast')
        return Promise.resolve(new Uint8Array(createHash('sha256').update(salt).update(pin).digest().subarray(0, cost.keyLength)));
      return new Promise((resolve, reject) => {
        scrypt(pin, salt, cost.keyLength, { N: cost.N }, (err, key) => (err ? reject(err) : resolve(new Uint8Array(key))));
      });
    },
    { calls: 0 },
  );
  return hasher;
}
