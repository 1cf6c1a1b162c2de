import type { Locator, Page } from '@playwright/test';
import { usbScan } from '../usb-scanner';

/** The pickup table behind the PIN, with a scanner and a printer. By role and name only. */
export class PickupTable {
  constructor(readonly page: Page) {}

  async open(pin = '1111'): Promise<void> {
    await this.page.getByRole('button', { name: 'Volunteer' }).click();
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: 'OK', exact: true }).click();
  }

  codeInput(): Locator {
    return this.page.getByLabel('Scan a slip or type its code');
  }

  slip(): Locator {
    return this.page.getByRole('region', { name: 'Slip' });
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasNotText: /^\d+$/ });
  }

  /** A USB scanner: every key a few ms apart, then Enter, wherever the focus is. */
  async scan(code: string): Promise<void> {
    await usbScan(this.page, code);
  }

  async typeCode(code: string): Promise<void> {
    await this.codeInput().fill(code);
    await this.page.getByRole('button', { name: 'Find' }).click();
  }
}
