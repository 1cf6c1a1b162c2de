import { describe, expect, it } from 'vitest';
import { X509Certificate, createPublicKey } from 'node:crypto';
import { certificateCovers, fingerprint, keyObject, makeCertificate, toPem } from '../../../src/core/stations/certificate';

describe('the hub certificate (made with node:crypto alone)', () => {
  const now = new Date(Date.UTC(2026, 10, 28, 10));
  const made = makeCertificate({ commonName: 'Hub', addresses: ['127.0.0.2'], now, serial: new Uint8Array(16).fill(0xab) });

  it('is a valid self-signed X.509 that names the LAN address', () => {
    const x = new X509Certificate(made.cert);
    expect(x.subject).toContain('CN=Hub');
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkIP('127.0.0.2')).toBe('127.0.0.2');
    expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x.checkIP('10.0.0.9')).toBeUndefined();
    expect(x.subjectAltName).toContain('DNS:localhost');
    expect(new Date(x.validFrom).getTime()).toBeLessThan(now.getTime());
    expect(new Date(x.validTo).getTime()).toBeGreaterThan(now.getTime() + 3000 * 86_400_000);
    expect(x.ca).toBe(false);
  });

  it('has a key that matches it and a fingerprint as browsers show it', () => {
    const x = new X509Certificate(made.cert);
    expect(x.checkPrivateKey(keyObject(made.key))).toBe(true);
    expect(fingerprint(made.cert)).toBe(x.fingerprint256);
    expect(createPublicKey(toPem(made.cert, 'CERTIFICATE')).asymmetricKeyType).toBe('ec');
    expect(certificateCovers(made.cert, '127.0.0.2')).toBe(true);
    expect(certificateCovers(made.cert, '192.0.2.1')).toBe(false);
  });
});
