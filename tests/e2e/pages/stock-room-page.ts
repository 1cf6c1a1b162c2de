import type { Locator, Page } from '@playwright/test';
import { usbScan } from '../usb-scanner';

/** The stock room behind the volunteer PIN, by role and accessible name only. */
export class StockRoomPage {
  constructor(readonly page: Page) {}

  async open(pin: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Volunteer' }).click();
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: 'OK', exact: true }).click();
  }

  tab(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  scanField(): Locator {
    return this.page.getByLabel('Scan a barcode or type a name');
  }

  /** What a USB scanner does: the digits at once, then Enter. */
  async scan(code: string): Promise<void> {
    await usbScan(this.page, code);
  }

  /** Opens the laptop camera as a barcode scanner on the Receive screen. */
  cameraButton(): Locator {
    return this.page.getByRole('button', { name: 'Scan with camera' });
  }

  receiveForm(): Locator {
    return this.page.getByRole('form', { name: 'Receive this item' });
  }

  status(): Locator {
    return this.page.getByRole('status');
  }

  stockTable(): Locator {
    return this.page.getByRole('table');
  }
}
