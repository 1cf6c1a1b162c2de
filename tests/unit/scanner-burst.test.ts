import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BurstDetector } from '../../src/renderer/scanner/scanner-burst';

function feed(keys: string[], gapMs: number, enterGap = gapMs) {
  const d = new BurstDetector();
  let at = 1000;
  for (const k of keys) {
    d.key(k, at);
    at += gapMs;
  }
  return d.key('Enter', at - gapMs + enterGap);
}

describe('scanner bursts', () => {
  it('a scanner typing 196 digits 5 ms apart and Enter is a scan', () => {
    const digits = '0123456789'.repeat(19).slice(0, 196).split('');
    expect(feed(digits, 5)).toEqual({ kind: 'scan', code: digits.join('') });
  });

  it('a short code typed by a scanner is a scan too (8 characters)', () => {
    expect(feed([...'K7QM4TXR'], 10)).toEqual({ kind: 'scan', code: 'K7QM4TXR' });
  });

  it('a person typing, even fast for a person, is never a scan', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }), fc.integer({ min: 45, max: 400 }), (text, gap) => {
        expect(feed([...text], gap).kind).toBe('none');
      }),
    );
  });

  it('one hiccup inside a burst does not break it; a long pause does', () => {
    const d = new BurstDetector();
    let at = 0;
    [...'12345678901234567890'].forEach((ch, n) => d.key(ch, (at += n === 10 ? 600 : 5)));
    expect(d.key('Enter', at + 5)).toEqual({ kind: 'scan', code: '12345678901234567890' });
    expect(feed([...'1234567890'], 5, 3000).kind).toBe('none');
  });

  it('fewer than 8 characters, or a pause before Enter, is not a scan', () => {
    expect(feed([...'1234567'], 5).kind).toBe('none');
    expect(feed([...'123456789'], 5, 3000).kind).toBe('none');
  });

  it('a person pausing and typing on is never taken for a hiccup', () => {
    const d = new BurstDetector();
    let at = 0;
    for (const ch of 'Lost it at the ') d.key(ch, (at += 120));
    at += 600;
    for (const ch of 'bus stop') d.key(ch, (at += 120));
    expect(d.key('Enter', at + 100).kind).toBe('none');
  });

  it('a burst after human typing counts only the burst', () => {
    const d = new BurstDetector();
    d.key('h', 0);
    d.key('i', 200);
    let at = 1500;
    for (const ch of '9876543210') d.key(ch, (at += 4));
    expect(d.key('Enter', at + 4)).toEqual({ kind: 'scan', code: '9876543210' });
  });
});
