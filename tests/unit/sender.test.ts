import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src/main/sender';

describe('IPC sender check', () => {
  const app = ['app://kiosk'];
  it.each([
    ['app://kiosk/index.html', true, true],
    ['app://kiosk/deep/page', true, true],
    ['app://kiosk/index.html', false, false], // a subframe
    ['app://evil/index.html', true, false],
    ['https://kiosk/index.html', true, false],
    ['file:///etc/passwd', true, false],
    ['not a url', true, false],
    ['', true, false],
    [undefined, true, false],
    ['app://kiosk.evil.example/', true, false],
    ['javascript:alert(1)', true, false],
    ['data:text/html,<script>', true, false],
  ] as const)('%s (main frame %s) → %s', (url, main, expected) => {
    expect(isTrustedSender(url, main, app)).toBe(expected);
  });

  it('accepts file:// only when the app itself is loaded from files', () => {
    expect(isTrustedSender('file:///opt/kiosk/index.html', true, ['file://'])).toBe(true);
    expect(isTrustedSender('file:///opt/kiosk/index.html', true, app)).toBe(false);
  });
});
