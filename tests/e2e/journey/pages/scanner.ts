import type { Page } from '@playwright/test';
import { usbScan } from '../../usb-scanner';

/**
 * A USB barcode scanner. It is a keyboard device: it "types" the code's digits in a burst and
 * presses Enter, wherever the focus is. This file is the one place in the journey suite allowed
 * to use the page's keyboard (tests/unit/journey-touch-only.test.ts), because that is what the
 * hardware does; every person in these stories only taps.
 */
export class UsbScanner {
  constructor(readonly page: Page) {}

  async scan(code: string): Promise<void> {
    await usbScan(this.page, code);
  }
}
