/**
 * The pickup slip's QR payload: no personal data, only what a pickup table needs to verify it.
 *
 *   byte 0      format version (1)
 *   bytes 1-2   key id (uint16, big-endian)
 *   bytes 3-12  slip id (10 random bytes)
 *   bytes 13-14 issue day (days since 2020-01-01, uint16)
 *   bytes 15-16 expiry day (same)
 *   bytes 17-80 Ed25519 signature over bytes 0-16
 *
 * It travels as decimal digits only (numeric QR mode): a USB scanner types digits the same on
 * every keyboard layout. 81 bytes are 196 digits, which fit a version 7 (45x45) QR at level Q.
 */
export const PAYLOAD_VERSION = 1;
export const BODY_BYTES = 17;
export const SIGNATURE_BYTES = 64;
export const PAYLOAD_BYTES = BODY_BYTES + SIGNATURE_BYTES;
export const PAYLOAD_DIGITS = 196;
export const SLIP_ID_BYTES = 10;

export interface SlipBody {
  version: number;
  keyId: number;
  slipId: Uint8Array;
  issueDay: number;
  expiryDay: number;
}

export function encodeBody(body: SlipBody): Uint8Array {
  if (body.slipId.length !== SLIP_ID_BYTES) throw new RangeError('slip id must be 10 bytes');
  const out = new Uint8Array(BODY_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, body.version);
  view.setUint16(1, body.keyId);
  out.set(body.slipId, 3);
  view.setUint16(13, body.issueDay);
  view.setUint16(15, body.expiryDay);
  return out;
}

export function decodeBody(bytes: Uint8Array): SlipBody {
  const view = new DataView(bytes.buffer, bytes.byteOffset, BODY_BYTES);
  return {
    version: view.getUint8(0),
    keyId: view.getUint16(1),
    slipId: bytes.slice(3, 3 + SLIP_ID_BYTES),
    issueDay: view.getUint16(13),
    expiryDay: view.getUint16(15),
  };
}
