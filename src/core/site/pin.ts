import { scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt cost: ~20 ms on a cheap laptop. PINs are short, so the real defence is the login
// throttle; the hash only keeps a stolen database from handing out PINs instantly.
const N = 1 << 14;
const KEY_LENGTH = 32;

export function hashPin(pin: string, salt: Uint8Array): string {
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N });
  return `scrypt$${N}$${Buffer.from(salt).toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length, { N: Number(n) });
  return timingSafeEqual(actual, expected);
}
