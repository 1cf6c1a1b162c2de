import type { Page } from '@playwright/test';

/** A USB scanner types about one key every few milliseconds (HID reports at 125–1000 Hz). */
const KEY_GAP_S = 0.004;

function keyOf(ch: string): { key: string; code: string; windowsVirtualKeyCode: number; text?: string } {
  if (ch === '\r') return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' };
  if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0), text: ch };
  if (/[a-z]/i.test(ch))
    return { key: ch, code: `Key${ch.toUpperCase()}`, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0), text: ch };
  return { key: ch, code: '', windowsVirtualKeyCode: 0, text: ch };
}

/**
 * What a USB barcode scanner does: it types the code and presses Enter, wherever the focus is,
 * a key every few milliseconds. The keys carry the time the device sent them, as the operating
 * system stamps a real scanner's keys, so a busy test machine (slow to deliver each key) does not
 * turn a scan into a person's typing. This is the one keyboard the touch-only journeys may use.
 */
export async function usbScan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    let i = 0;
    for (const ch of `${code}\r`) {
      const timestamp = start + i * KEY_GAP_S;
      i += 1;
      const k = keyOf(ch);
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, unmodifiedText: k.text, timestamp });
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: k.key,
        code: k.code,
        windowsVirtualKeyCode: k.windowsVirtualKeyCode,
        timestamp,
      });
    }
  } finally {
    await cdp.detach();
  }
}
