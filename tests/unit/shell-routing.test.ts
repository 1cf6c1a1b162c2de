import { describe, expect, it } from 'vitest';
import { isShellChannel, shellContract } from '../../src/shared/api/shell';
import { contract } from '../../src/shared/api/contract';
import { PAPER_SPECS, PAPERS, qrSideMm } from '../../src/shared/slips/paper';

describe('the shell contract', () => {
  it('is separate from the core contract: no channel in both', () => {
    for (const name of Object.keys(shellContract)) {
      expect(isShellChannel(name)).toBe(true);
      expect(Object.hasOwn(contract, name)).toBe(false);
    }
    expect(isShellChannel('slip.lookup')).toBe(false);
    expect(isShellChannel('__proto__')).toBe(false);
  });

  it('refuses a print request that could carry a name into a file path', () => {
    const input = shellContract['shell.print'].input;
    expect(input.safeParse({ paper: '58', printer: null, heightMm: 120, copyName: 'K7QM-4TXR' }).success).toBe(true);
    expect(input.safeParse({ paper: '58', printer: null, heightMm: 120, copyName: '../Maria' }).success).toBe(false);
    expect(input.safeParse({ paper: '57', printer: null, heightMm: 120, copyName: 'K7QM-4TXR' }).success).toBe(false);
  });
});

describe('paper and QR size', () => {
  it('puts a whole number of printer dots on every QR module, and fits the printable width', () => {
    const modules = 45 + 8; // version 7 with the quiet zone
    for (const paper of PAPERS) {
      const spec = PAPER_SPECS[paper];
      const side = qrSideMm(paper, modules);
      const dotsPerModule = (side * spec.dotsPerMm) / modules;
      expect(Math.abs(dotsPerModule - Math.round(dotsPerModule))).toBeLessThan(1e-9);
      expect(side).toBeLessThanOrEqual(spec.printableMm);
    }
    // About 40 mm on a 58 mm receipt, as the design expects.
    expect(qrSideMm('58', modules)).toBeCloseTo(39.75, 2);
  });
});
