import type { Locator, Page } from '@playwright/test';

/** Labels the exchange desk test needs, per language (the rest is found by role). */
export interface ExchangeLabels {
  volunteer: string;
  ok: string;
  nav: string;
  send: string;
  receive: string;
  folder: string;
  save: string;
  showFiles: string;
  importButton: string;
  trust: (site: string) => string;
}

export const EN: ExchangeLabels = {
  volunteer: 'Volunteer',
  ok: 'OK',
  nav: 'Other hubs and backup',
  send: 'Send',
  receive: 'Receive',
  folder: 'Or choose a folder',
  save: 'Save share file',
  showFiles: 'Show files',
  importButton: 'Import',
  trust: (site) => `Trust ${site}`,
};

export const AR: ExchangeLabels = {
  volunteer: 'المتطوعون',
  ok: 'موافق',
  nav: 'المراكز الأخرى والنسخ الاحتياطي',
  send: 'إرسال',
  receive: 'استلام',
  folder: 'أو اختر مجلدًا',
  save: 'احفظ ملف المشاركة',
  showFiles: 'اعرض الملفات',
  importButton: 'استورد',
  trust: (site) => `ثِق بـ ${site}`,
};

/** The coordinator's exchange desk, behind the PIN. */
export class ExchangePage {
  constructor(
    readonly page: Page,
    readonly l: ExchangeLabels = EN,
  ) {}

  async open(url: string, pin = '1234'): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('button', { name: this.l.volunteer }).click();
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: this.l.ok, exact: true }).click();
    await this.page.getByRole('button', { name: this.l.nav }).click();
  }

  tab(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name, exact: true });
  }

  folder(): Locator {
    return this.page.getByLabel(this.l.folder);
  }

  status(): Locator {
    return this.page.getByRole('status');
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** The counts row for one record type: [new, updated, unchanged, refused]. */
  row(caption: string, header: string): Locator {
    return this.table(caption)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) });
  }
}
