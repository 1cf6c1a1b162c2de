import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { toHex } from '../shared/text';

/** Time, passed in so tests can fix it. Nothing in core reads Date.now() directly. */
export interface Clock {
  now(): Date;
}

/** Randomness and ids, passed in so tests are repeatable. */
export interface Ids {
  /** A UUIDv7: sortable by creation time. */
  uuid(): string;
  /** Cryptographically random bytes (slip ids, session tokens). */
  random(length: number): Uint8Array;
}

export interface Ed25519KeyPair {
  /** SPKI DER */
  publicKey: Uint8Array;
  /** PKCS#8 DER */
  privateKey: Uint8Array;
}

/** Where the site's signing keys come from at setup. */
export interface KeySource {
  generate(): Ed25519KeyPair;
}

export const systemClock: Clock = { now: () => new Date() };

/** UUIDv7 from a clock and a random source (RFC 9562 §5.7). */
export function uuidv7(ms: number, rand: Uint8Array): string {
  const b = new Uint8Array(16);
  let t = BigInt(ms);
  for (let i = 5; i >= 0; i -= 1) {
    b[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  b.set(rand.subarray(0, 10), 6);
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function systemIds(clock: Clock = systemClock): Ids {
  return {
    uuid: () => uuidv7(clock.now().getTime(), randomBytes(10)),
    random: (length) => new Uint8Array(randomBytes(length)),
  };
}

export const systemKeys: KeySource = {
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      publicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
      privateKey: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
    };
  },
};
