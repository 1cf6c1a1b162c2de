/**
 * The short human code printed beside the QR, for when it will not scan. Its alphabet has no
 * look-alikes (no 0/O, 1/I/L, no U/V pair) and it is read in two groups: "K7QM-4TXR".
 */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const SHORT_CODE_LENGTH = 8;

/** Derives a code from random bytes (one byte per character, rejection-free modulo is fine here:
 * the code is a lookup key behind the volunteer PIN, not a secret). */
export function shortCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < SHORT_CODE_LENGTH) throw new RangeError('need 8 bytes');
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i += 1) {
    code += SHORT_CODE_ALPHABET[(bytes[i] ?? 0) % SHORT_CODE_ALPHABET.length];
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Normalises what a volunteer typed: case, spaces and dashes do not matter, and the look-alikes
 * people type anyway (O for 0 does not exist here, so O→0 is not needed; I/L→1 neither) are
 * refused rather than guessed. Returns null when it cannot be a code.
 */
export function normalizeShortCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== SHORT_CODE_LENGTH) return null;
  for (const ch of raw) if (!SHORT_CODE_ALPHABET.includes(ch)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}
