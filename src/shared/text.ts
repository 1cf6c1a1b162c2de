/** Byte encodings shared by slips, cards, sessions and ids. No platform APIs: every layer may use them. */

/** Bytes to lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes to a fixed-length decimal string (big-endian base-256 number, zero-padded). */
export function bytesToDigits(bytes: Uint8Array, digits: number): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const s = n.toString(10);
  if (s.length > digits) throw new RangeError('payload does not fit');
  return s.padStart(digits, '0');
}

/** The inverse of bytesToDigits; null when the digits cannot be `byteLength` bytes. */
export function digitsToBytes(digits: string, byteLength: number): Uint8Array | null {
  if (!/^\d+$/.test(digits)) return null;
  let n = BigInt(digits);
  const out = new Uint8Array(byteLength);
  for (let i = byteLength - 1; i >= 0; i -= 1) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return n === 0n ? out : null;
}
