import { printedSlip } from './pages/paper';
import { Visitor, watchPrint } from './pages/visitor';
import { Shots } from './pages/shots';
import { StationsDesk } from './pages/stations';
import { expect, hubLanguage, person, test } from './hub';

// The stations listener binds another loopback address: the tablet reaches the hub over an
// address that is not 127.0.0.1, and nothing listens beyond this machine.
const LAN = '127.0.0.2';

const STORIES = [
  { lng: 'en', size: { width: 1024, height: 768 } },
  { lng: 'ar', size: { width: 1080, height: 1920 } },
] as const;

for (const { lng, size } of STORIES) {
  test(`a second kiosk by the door (${lng}, ${size.width}×${size.height}): the coordinator pairs a tablet as an intake kiosk, and the visitor there leaves with a printed slip`, async ({
    page,
    browser,
    kiosk,
  }) => {
    test.setTimeout(120_000);
    hubLanguage(kiosk, lng);
    const coordinator = person(page, lng, `station-kiosk-${lng}-hub`);
    const desk = new StationsDesk(page, coordinator, kiosk);
    try {
      // At the hub: stations on, then "Door tablet" added as an intake kiosk.
      const port = 40_000 + Math.floor(Math.random() * 20_000);
      await desk.signIn(kiosk.url);
      await desk.turnOn(LAN, port);
      const invite = await desk.add('Door tablet', 'intake');
      const code = ((await invite.locator('.stations-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^[A-Z0-9]{10}$/);
      await coordinator.shots.step('invite');

      // The tablet by the door: its own browser, a touch screen; it pairs by the short code.
      // The tablet is set to the visitor's language, and its pairing screen speaks it.
      const tabletContext = await browser.newContext({
        ignoreHTTPSErrors: true,
        hasTouch: true,
        viewport: size,
        locale: lng === 'en' ? 'en-US' : 'ar-EG',
      });
      const tablet = await tabletContext.newPage();
      const prints = await watchPrint(tablet);
      await tablet.goto(`https://${LAN}:${port}/`);
      const pairing = person(tablet, lng, `station-kiosk-${lng}-tablet`);
      await expect(tablet.getByRole('heading', { name: pairing.w('stations:pairTitle') })).toBeVisible();
      await expect(tablet.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
      await pairing.shots.step('pairing');
      await pairing.touch.tapText(tablet.getByLabel(pairing.w('stations:code')), code);
      await pairing.touch.tap(pairing.w('stations:pair'));

      // A visitor at the tablet, touch only.
      const v = new Visitor(tablet, lng, kiosk);
      const shots = new Shots(tablet, `station-kiosk-${lng}-visitor`);
      await v.tap(lng === 'en' ? 'English' : 'العربية');
      await v.asksFor('Eggs, 1 dozen');
      await v.tap(v.w('intake:confirm.submit'));

      // The moment it is issued, the tablet prints it (the tablet's own print, not the hub's).
      await expect(tablet.locator('svg.qr')).toBeVisible();
      await expect(tablet.getByRole('status').filter({ hasText: v.w('slip:print.printing') })).toBeVisible();
      await expect(tablet.getByText(v.w('slip:print.failed'))).toHaveCount(0);
      await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });
      await shots.step('slip-printed');

      // The paper: the slip the hub issued, its QR decoding to the signed digits.
      const slip = kiosk.core.ctx.db
        .prepare('SELECT short_code, payload, language FROM slips ORDER BY issued_at DESC, rowid DESC LIMIT 1')
        .get() as {
        short_code: string;
        payload: string;
        language: string;
      };
      expect(slip.language).toBe(lng);
      const paper = await printedSlip(tablet, `station-kiosk-${lng}-printed-slip`);
      expect(paper.qr).toBe(slip.payload);
      // The short code as printed, whatever line breaks and bidi marks a right-to-left page adds.
      const bare = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069-]/g, '');
      expect(bare(paper.text)).toContain(bare(slip.short_code));
      await tabletContext.close();
    } finally {
      await desk.close();
    }
  });
}
