import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAYLOAD_BYTES, PAYLOAD_DIGITS, decodeBody, encodeBody } from '../../src/shared/slips/payload';
import { dayNumber, dayToIso } from '../../src/shared/time';
import { bytesToDigits, digitsToBytes } from '../../src/shared/text';
import { SHORT_CODE_ALPHABET, normalizeShortCode, shortCodeFromBytes } from '../../src/shared/slips/short-code';
import { qrMatrix, textQrMatrix } from '../../src/shared/slips/qr';
import { decodeRgba, rasterize, rasterizeMatrix } from '../support/qr-decode';

describe('slip payload as digits', () => {
  it('round-trips any 81 bytes through 196 digits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: PAYLOAD_BYTES, maxLength: PAYLOAD_BYTES }), (bytes) => {
        const digits = bytesToDigits(bytes, PAYLOAD_DIGITS);
        expect(digits).toHaveLength(PAYLOAD_DIGITS);
        expect(digitsToBytes(digits, PAYLOAD_BYTES)).toEqual(bytes);
      }),
    );
  });

  it('rejects digits too large to be a payload, and non-digits', () => {
    expect(digitsToBytes('9'.repeat(PAYLOAD_DIGITS), PAYLOAD_BYTES)).toBeNull();
    expect(digitsToBytes('12a4', PAYLOAD_BYTES)).toBeNull();
  });

  it('encodes and decodes the body fields', () => {
    const slipId = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const body = { version: 1, keyId: 513, slipId, issueDay: 2522, expiryDay: 2529 };
    expect(decodeBody(encodeBody(body))).toEqual(body);
  });

  it('counts days from 2020-01-01', () => {
    expect(dayNumber(new Date('2020-01-01T23:59:00Z'))).toBe(0);
    expect(dayToIso(dayNumber(new Date('2026-11-28T10:00:00Z')))).toBe('2026-11-28');
  });

  it('fits a version 7 (45x45) QR at error correction Q', () => {
    const m = qrMatrix('7'.repeat(PAYLOAD_DIGITS));
    expect(m.version).toBe(7);
    expect(m.size).toBe(45);
  });

  it('draws a slip and a pairing link with the one QR drawing, each reading back as what it says', () => {
    const digits = '7'.repeat(PAYLOAD_DIGITS);
    expect(decodeRgba(rasterize(digits))).toBe(digits);
    const link = 'https://192.168.1.20:8443/station#pair=K7Q2-M9XD';
    expect(decodeRgba(rasterizeMatrix(textQrMatrix(link)))).toBe(link);
  });
});

describe('short codes', () => {
  it('use no look-alike characters', () => {
    for (const ch of '01OIL') expect(SHORT_CODE_ALPHABET).not.toContain(ch);
  });

  it('are two groups of four from the alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = shortCodeFromBytes(bytes);
        expect(code).toMatch(/^[^-]{4}-[^-]{4}$/);
        expect(normalizeShortCode(code)).toBe(code);
      }),
    );
  });

  it('accept what volunteers type: any case, spaces, no dash', () => {
    expect(normalizeShortCode(' k7qm 4txr ')).toBe('K7QM-4TXR');
    expect(normalizeShortCode('K7QM4TXR')).toBe('K7QM-4TXR');
    expect(normalizeShortCode('K7QM-4TX')).toBeNull();
    expect(normalizeShortCode('K7QM-4TX0')).toBeNull();
  });
});
