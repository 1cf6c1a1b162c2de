import { scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost: ~20-30 ms on a cheap laptop. PINs are short, so the real defence is the login
 * throttle; the hash only keeps a stolen database from handing out PINs instantly.
 */
export const PIN_COST = { N: 1 << 14, keyLength: 32 } as const;

/**
 * Hashes a PIN. Injected so tests can count hashes; the system one is async crypto.scrypt, which
 * runs on libuv's thread pool, so a sign-in never freezes the thread that answers the kiosk.
 */
export type PinHasher = (pin: string, salt: Uint8Array, cost: { N: number; keyLength: number }) => Promise<Uint8Array>;

export const systemPinHasher: PinHasher = (pin, salt, cost) =>
  new Promise((resolve, reject) => {
    scrypt(pin, salt, cost.keyLength, { N: cost.N }, (err, key) => (err ? reject(err) : resolve(new Uint8Array(key))));
  });

/** The stored form: scheme, cost, salt and hash, so any row can be checked with its own salt. */
export function formatPinHash(N: number, salt: Uint8Array, hash: Uint8Array): string {
  return `scrypt$${N}$${Buffer.from(salt).toString('hex')}$${Buffer.from(hash).toString('hex')}`;
}

interface ParsedHash {
  N: number;
  salt: Buffer;
  hash: Buffer;
}

function parsePinHash(stored: string): ParsedHash | null {
  const [scheme, n, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !saltHex || !hashHex) return null;
  return { N: Number(n), salt: Buffer.from(saltHex, 'hex'), hash: Buffer.from(hashHex, 'hex') };
}

/**
 * For seeding a fresh site at startup and for tests only: blocks the thread for one scrypt.
 * Nothing a channel reaches calls these.
 */
export function scryptPinSync(pin: string, salt: Uint8Array): Uint8Array {
  return new Uint8Array(scryptSync(pin, salt, PIN_COST.keyLength, { N: PIN_COST.N }));
}

export function hashPinSync(pin: string, salt: Uint8Array): string {
  return formatPinHash(PIN_COST.N, salt, scryptPinSync(pin, salt));
}

/** Checks a PIN against a stored hash with that hash's own salt and cost. */
export async function verifyPin(hasher: PinHasher, pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const actual = await hasher(pin, parsed.salt, { N: parsed.N, keyLength: parsed.hash.length });
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** verifyPin for the startup seed and tests (see hashPinSync). */
export function verifyPinSync(pin: string, stored: string): boolean {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const actual = scryptSync(pin, parsed.salt, parsed.hash.length, { N: parsed.N });
  return timingSafeEqual(actual, parsed.hash);
}
