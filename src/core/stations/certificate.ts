import { createHash, generateKeyPairSync, createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { DAY_MS } from '../../shared/time';

/**
 * A self-signed TLS certificate for the hub, made with Node's crypto alone: there is no X.509
 * writer in Node, and the openssl CLI is not on every hub (Windows). ECDSA P-256 / SHA-256, with
 * the hub's LAN address in subjectAltName so browsers accept it once its fingerprint is trusted.
 * Only what a server certificate needs is written; node:crypto's X509Certificate reads it back
 * in the tests.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const seq = (...c: Buffer[]) => tlv(0x30, ...c);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * (parts[0] ?? 0) + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  // RFC 5280: UTCTime until 2049, GeneralizedTime from 2050.
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

function name(cn: string): Buffer {
  return seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [Buffer.from([0x01, 0x01, 0xff])] : []), tlv(0x04, value));
}

function ipBytes(address: string): Buffer {
  return Buffer.from(address.split('.').map(Number));
}

export interface HubCertificate {
  /** DER */
  cert: Buffer;
  /** PKCS#8 DER */
  key: Buffer;
}

export interface CertificateRequest {
  commonName: string;
  /** IPv4 addresses the hub answers on (its LAN address; 127.0.0.1 is always added). */
  addresses: readonly string[];
  now: Date;
  /** 16 random bytes for the serial number. */
  serial: Uint8Array;
  days?: number;
}

export function makeCertificate(req: CertificateRequest): HubCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const serial = Buffer.from(req.serial);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive INTEGER
  if (serial[0] === 0) serial[0] = 1; // and a minimal one
  const notBefore = new Date(req.now.getTime() - 60 * 60_000);
  const notAfter = new Date(req.now.getTime() + (req.days ?? 3650) * DAY_MS);
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const addresses = [...new Set([...req.addresses, '127.0.0.1'])];
  const san = seq(...addresses.map((a) => tlv(0x87, ipBytes(a))), tlv(0x82, Buffer.from('localhost', 'ascii')));
  const extensions = seq(
    extension('2.5.29.19', true, seq()),
    extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x07, 0x80]))),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))),
    extension('2.5.29.17', false, san),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([0x02]))),
    tlv(0x02, serial),
    ecdsaSha256,
    name(req.commonName),
    seq(time(notBefore), time(notAfter)),
    name(req.commonName),
    spki,
    tlv(0xa3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, ecdsaSha256, tlv(0x03, Buffer.from([0x00]), signature));
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

/** SHA-256 of the DER, as browsers show it: upper-case hex pairs joined by colons. */
export function fingerprint(certDer: Uint8Array): string {
  return createHash('sha256').update(certDer).digest('hex').toUpperCase().match(/../g)!.join(':');
}

export function toPem(der: Uint8Array, label: 'CERTIFICATE' | 'PRIVATE KEY'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** True when the certificate names this address (a LAN address the coordinator changed). */
export function certificateCovers(certDer: Uint8Array, address: string): boolean {
  return new X509Certificate(certDer).checkIP(address) !== undefined;
}

export function keyObject(keyDer: Uint8Array) {
  return createPrivateKey({ key: Buffer.from(keyDer), format: 'der', type: 'pkcs8' });
}
