import { wcagAudit } from './a11y';
import { expect, test } from './fixtures';
import { IntakePage } from './pages/intake-page';
import { usbScan } from './usb-scanner';

/** The newest slip and what was stored with it, read from the real database. */
function lastVisit(db: import('../../src/core/db/open').Db) {
  const slip = db.prepare('SELECT id, household_id, visit_id, language FROM slips ORDER BY issued_at DESC, rowid DESC LIMIT 1').get() as {
    id: string;
    household_id: string;
    visit_id: string;
    language: string;
  };
  return {
    slip,
    household: db
      .prepare('SELECT adults, children, seniors, first_name, phone, language FROM households WHERE id = ?')
      .get(slip.household_id),
    lines: db
      .prepare(
        'SELECT n.name, l.qty FROM slip_lines l JOIN item_names n ON n.item_id = l.item_id AND n.locale = ? WHERE l.slip_id = ? ORDER BY n.name',
      )
      .all('en', slip.id) as { name: string; qty: number }[],
    needsOffers: db
      .prepare(
        'SELECT kind, category, detail, languages, availability, shareable FROM needs_offers WHERE visit_id = ? ORDER BY kind, category',
      )
      .all(slip.visit_id),
  };
}

/** An earlier visit's slip, issued straight by core: a visit that asked for help (a slip is never empty). */
function earlierSlip(
  kiosk: import('./fixtures').Kiosk,
  input: Parameters<import('../../src/core/intake/intake-service').IntakeService['submit']>[0],
) {
  const slip = kiosk.core.services.intake.submit({ otherNeeds: [{ category: 'other' }], ...input });
  if (!slip) throw new Error('no slip issued');
  return slip;
}

test('a grandmother does the whole intake in Arabic, right to left, asking and offering', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('العربية', true).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(k.heading()).toHaveText('ما الذي جاء بك اليوم؟');
  await k.button('الاثنان معًا').click();

  await expect(k.heading()).toHaveText('لمن هذه القسيمة؟');
  await k.stepper('البالغون').more.click();
  for (let i = 0; i < 3; i += 1) await k.stepper('الأطفال').more.click();
  await k.stepper('كبار السن').more.click();
  await expect(page.getByText('6 أشخاص')).toBeVisible();
  // The footer's Next sits on the left in RTL: the layout really mirrors.
  const back = await k.button('رجوع').boundingBox();
  const next = await k.button('التالي').boundingBox();
  expect(back && next && back.x > next.x).toBe(true);
  await k.button('التالي').click();

  await expect(k.heading()).toHaveText('ماذا تحتاج؟');
  await k.item('أرز').click();
  await k.item('عدس أحمر').click();
  await k.item('زيت طبخ').click();
  await k.button('حفاضات', true).click();
  await k.button('يمكن لمراكز أخرى').click();
  await k.button('التالي').click();

  await expect(k.heading()).toHaveText('ماذا يمكنك أن تقدّم؟');
  await k.button('الطبخ').click();
  await k.button('عطلة نهاية الأسبوع').click();
  await k.button('يمكن لمراكز أخرى').click();
  await k.button('التالي').click();

  await expect(k.heading()).toHaveText('هل يمكننا الاتصال بك؟');
  await expect(page.getByText('لا نطلب أبدًا هوية')).toBeVisible();
  await k.button('تخطٍّ').click();
  await expect(k.heading()).toHaveText('هل هذا صحيح؟');
  await expect(page.getByText('6 أشخاص')).toBeVisible();
  await k.button('أعطني القسيمة').click();
  await expect(k.heading()).toHaveText('قسيمة الاستلام');
  await expect(page.locator('svg.qr')).toBeVisible();

  const v = lastVisit(kiosk.core.ctx.db);
  expect(v.slip.language).toBe('ar');
  expect(v.household).toEqual({ adults: 2, children: 3, seniors: 1, first_name: null, phone: null, language: 'ar' });
  expect(v.lines).toEqual([
    { name: 'Cooking oil, 1 L', qty: 1 },
    { name: 'Red lentils, 1 kg', qty: 1 },
    { name: 'Rice, 5 kg', qty: 1 },
  ]);
  expect(v.needsOffers).toEqual([
    { kind: 'need', category: 'diapers', detail: null, languages: '["ar"]', availability: null, shareable: 1 },
    { kind: 'offer', category: 'cooking', detail: null, languages: '["ar"]', availability: 'weekends', shareable: 1 },
  ]);
});

test('a full intake in Chinese, with a name and phone typed on the on-screen keyboard', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('中文', true).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await k.button('我需要东西').click();
  await k.button('下一步').click();
  await expect(k.heading()).toHaveText('您需要什么？');
  await k.item('鸡蛋').click();
  await k.item('大米').click();
  await k.button('下一步').click();
  await expect(k.heading()).toHaveText('我们可以给您回电话吗？');
  await k.field('名字或昵称').click();
  // Pinyin on the on-screen keyboard, then a tap on the character it spells: 李伟 by touch alone.
  const keyboard = page.locator('.onscreen-keyboard');
  await expect(keyboard).toBeVisible();
  for (const key of ['l', 'i']) await keyboard.locator(`[data-skbtn="${key}"]`).click();
  await expect(k.field('名字或昵称')).toHaveValue('li');
  await keyboard.locator('.keyboard-candidate', { hasText: '李' }).click();
  await expect(k.field('名字或昵称')).toHaveValue('李');
  for (const key of ['w', 'e', 'i']) await keyboard.locator(`[data-skbtn="${key}"]`).click();
  await keyboard.locator('.keyboard-candidate', { hasText: '伟' }).click();
  await expect(k.field('名字或昵称')).toHaveValue('李伟');
  await expect(keyboard.locator('.keyboard-candidate')).toHaveCount(0);
  await k.field('电话号码').fill('+1 555 0100');
  await k.button('下一步').click();
  await expect(k.heading()).toHaveText('信息对吗？');
  await k.button('获取领取单').click();
  await expect(page.locator('svg.qr')).toBeVisible();
  const v = lastVisit(kiosk.core.ctx.db);
  expect(v.household).toMatchObject({ adults: 1, children: null, first_name: '李伟', phone: '+1 555 0100', language: 'zh-Hans' });
  expect(v.lines.map((l) => l.name)).toEqual(['Eggs, 1 dozen', 'Rice, 5 kg']);
});

test('a neighbour who only offers: no pantry step, thanked, the offers recorded and no slip', async ({ page, kiosk }) => {
  const slips = () => kiosk.core.ctx.db.prepare('SELECT COUNT(*) FROM slips').pluck().get();
  const before = slips();
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('English', true).click();
  await k.button('I can offer something').click();
  await k.button('Next').click();
  await expect(k.heading()).toHaveText('What can you offer?');
  await k.button('Driving').click();
  await k.button('Fixing bikes').click();
  await k.button('Evenings').click();
  await k.button('Weekends').click();
  await k.field('Tell us more (in your own words)').fill('I have a van');
  await k.button('Next').click();
  await k.button('Skip').click();
  await expect(page.getByText('You offer')).toBeVisible();
  await expect(page.getByText('Food and goods')).toHaveCount(0);
  await k.button('Send my offer').click();
  await expect(k.heading()).toHaveText('Thank you!');
  await expect(page.locator('svg.qr')).toHaveCount(0);
  expect(slips()).toBe(before);
  const visit = kiosk.core.ctx.db.prepare('SELECT id FROM visits ORDER BY rowid DESC LIMIT 1').pluck().get();
  expect(
    kiosk.core.ctx.db
      .prepare(
        'SELECT kind, category, detail, languages, availability, shareable FROM needs_offers WHERE visit_id = ? ORDER BY kind, category',
      )
      .all(visit),
  ).toEqual([
    { kind: 'offer', category: 'bike_repair', detail: null, languages: '["en"]', availability: 'evenings,weekends', shareable: 0 },
    { kind: 'offer', category: 'ride', detail: 'I have a van', languages: '["en"]', availability: 'evenings,weekends', shareable: 0 },
  ]);
});

test('Back keeps every answer, and switching language mid-way loses nothing', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('Español', true).click();
  await k.button('Las dos cosas').click();
  await k.stepper('Niños').more.click();
  await k.button('Siguiente').click();
  await k.item('Arroz').click();
  await k.field('¿Necesita algo más? (con sus propias palabras)').fill('una cuna');
  await k.button('Siguiente').click();
  await k.button('Cocinar').click();
  await k.button('Siguiente').click();
  await k.field('Nombre o apodo').fill('Mateo');
  // The teenager switches to English to read the consent text himself.
  await page.getByRole('button', { name: 'Español' }).click();
  await k.button('English', true).click();
  await expect(k.heading()).toHaveText('Can we call you back?');
  await expect(k.field('First name or nickname')).toHaveValue('Mateo');
  // The consent text says how long, with the site's real setting.
  await expect(page.getByText('We forget your name and phone 90 days after your last visit.')).toBeVisible();
  await k.button('Back').click();
  await expect(k.button('Cooking')).toHaveAttribute('aria-pressed', 'true');
  await k.button('Back').click();
  await expect(k.item('Rice')).toHaveAttribute('aria-pressed', 'true');
  await expect(k.field('Anything else you need? (in your own words)')).toHaveValue('una cuna');
  await k.button('Back').click();
  await expect(k.stepper('Children').value).toHaveText('1');
  await k.button('Back').click();
  await expect(k.button('Both')).toHaveAttribute('aria-pressed', 'true');
});

test('a visitor who walks away: "Still there?", then everything is wiped, nothing left in storage', async ({ page, kiosk }) => {
  await page.clock.install();
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  const title = await page.title();
  const historyBefore = await page.evaluate(() => history.length);
  await k.button('Français', true).click();
  await k.button("J'ai besoin de quelque chose").click();
  await k.stepper('Enfants').more.click();
  await k.button('Suivant').click();
  await k.item('Riz').click();
  await k.button('Suivant').click();
  await k.field('Prénom ou surnom').fill('Amina');
  await k.button('Grand texte').click();

  // A touch before the time is up keeps everything.
  await page.clock.runFor(80_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(15_000);
  await expect(page.getByRole('alertdialog')).toContainText('Vous êtes toujours là ?');
  await page.getByRole('button', { name: 'Je suis toujours là' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(k.field('Prénom ou surnom')).toHaveValue('Amina');

  await page.clock.runFor(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(21_000);
  await expect(k.heading()).toHaveText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).not.toHaveClass(/kiosk-large-text/);
  const trace = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    title: document.title,
    history: history.length,
    text: document.body.innerText,
  }));
  expect(trace).toMatchObject({ local: 0, session: 0, title, history: historyBefore });
  expect(trace.text).not.toContain('Amina');
  // The next visitor starts from nothing.
  await k.button('Français', true).click();
  await k.button("J'ai besoin de quelque chose").click();
  await expect(k.stepper('Enfants').value).toHaveText('–');
  await k.button('Suivant').click();
  await expect(k.item('Riz')).toHaveAttribute('aria-pressed', 'false');
});

test('a new visitor asking only for pantry items reaches a slip in at most 8 taps', async ({ page, kiosk }) => {
  const taps = await IntakePage.countTaps(page);
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('English', true).click();
  await k.button('I need something').click();
  await k.button('Next').click();
  await k.item('Rice').click();
  await k.button('Next').click();
  await k.button('Skip').click();
  await k.button('Get my slip').click();
  await expect(page.locator('svg.qr')).toBeVisible();
  expect(await taps()).toBeLessThanOrEqual(8);
});

test('a returning family scans last week’s slip: household filled in, a new slip in at most 4 taps', async ({ page, kiosk }) => {
  const first = earlierSlip(kiosk, {
    requestId: '0190f000-0000-7000-8000-00000000aaaa',
    language: 'ht',
    household: { adults: 2, children: 3 },
    contact: { firstName: 'Rosa', phone: '+1 555 0199' },
    needs: [],
  });
  kiosk.clock.advance(7 * 86_400_000);
  const taps = await IntakePage.countTaps(page);
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('I have a slip from before').click();
  // The USB scanner types the digits and Enter.
  await usbScan(page, first.qrDigits);
  await expect(k.heading()).toHaveText('Kisa ou bezwen?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ht');
  await k.item('Diri').click();
  await k.button('Swivan').click();
  await expect(page.getByText('5 moun')).toBeVisible();
  await k.button('Pran tikè mwen').click();
  await expect(page.locator('svg.qr')).toBeVisible();
  expect(await taps()).toBeLessThanOrEqual(4);
  // Nothing personal came back to the screen, and the visit joined the same household.
  await expect(page.locator('body')).not.toContainText('Rosa');
  await expect(page.locator('body')).not.toContainText('0199');
  const v = lastVisit(kiosk.core.ctx.db);
  const firstHousehold = (
    kiosk.core.ctx.db.prepare('SELECT household_id FROM slips WHERE id = ?').get(first.id) as { household_id: string }
  ).household_id;
  expect(v.slip.household_id).toBe(firstHousehold);
});

test('eggs: the limit is said kindly in Haitian Creole, and the dozen is kept for them', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('Kreyòl ayisyen', true).click();
  await k.button('Mwen bezwen yon bagay').click();
  await k.button('Swivan').click();
  await k.item('Ze').click();
  const more = page.getByRole('button', { name: /Ze, 1 douzèn/ }).last();
  await more.click();
  await more.click();
  await more.click();
  await expect(page.locator('.notice-kind')).toHaveText('Ze, 1 douzèn: chak fanmi ka pran 1 chak 7 jou. Nou mete 1 pou ou.');
  await expect(page.locator('.item-tile.selected output')).toHaveText('1');
});

test('a wrong slip code gets a clear message on the returning screen', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('I have a slip from before').click();
  await k.field('Slip code').fill('ZZZZ-ZZZZ');
  await k.button('Continue').click();
  await expect(page.getByRole('alert')).toHaveText('No slip with this code.');
});

test('the coordinator changes kiosk settings: language order, idle time, required fields', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('Volunteer').click();
  for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('button', { name: 'Kiosk settings' }).click();
  await expect(page.getByRole('heading', { name: 'Kiosk settings' })).toBeVisible();
  const axe = await wcagAudit(page);
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Move دری up' }).click();
  await page.getByRole('button', { name: 'Move دری up' }).click();
  await page.getByRole('button', { name: 'Move دری up' }).click();
  await page.getByRole('button', { name: 'Move دری up' }).click();
  await page.getByRole('button', { name: 'Move دری up' }).click();
  await page
    .getByRole('group', { name: /Household questions/ })
    .getByRole('button', { name: 'Children' })
    .click();
  const idle = page.getByRole('group', { name: 'Seconds before "Still there?"' });
  for (let i = 0; i < 2; i += 1) await idle.getByRole('button').last().click();
  await expect(idle.locator('output')).toHaveText('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved. The kiosk uses these settings now.')).toBeVisible();
  const settings = kiosk.core.services.intake.config();
  expect(settings.languages[0]).toBe('fa');
  expect(settings.requiredFields).toEqual(['children']);
  expect(settings.idleSeconds).toBe(120);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.locator('.language-button').first()).toHaveText('دری');
  // A required question must be answered (0 is an answer); the others stay optional.
  await k.button('English', true).click();
  await k.button('I need something').click();
  await k.button('Next').click();
  await expect(page.getByRole('alert')).toHaveText('Please tell us: Children');
  await expect(k.heading()).toHaveText('Who is this for?');
  await k.stepper('Children').fewer.click();
  await expect(k.stepper('Children').value).toHaveText('0');
  await k.button('Next').click();
  await expect(k.heading()).toHaveText('What do you need?');
});

test('a scan straight on the language screen is enough: three taps to a new slip', async ({ page, kiosk }) => {
  const first = earlierSlip(kiosk, {
    requestId: '0190f000-0000-7000-8000-00000000bbbb',
    language: 'fa',
    household: { adults: 2, children: 3, seniors: 1 },
  });
  const taps = await IntakePage.countTaps(page);
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  // The site's settings have loaded once the returning-visitor button is offered.
  await expect(k.button('I have a slip from before')).toBeVisible();
  await usbScan(page, first.qrDigits);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await k.item('عدس سرخ').click();
  await k.button('بعدی').click();
  await expect(page.getByText('6 نفر')).toBeVisible();
  await k.button('گرفتن رسید').click();
  await expect(page.locator('svg.qr')).toBeVisible();
  expect(await taps()).toBe(3);
});

test('the pantry list is asked for once per visitor, and again only when the language changes', async ({ page, kiosk }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/intake.catalog') asked.push(r.url());
  });
  await page.goto(kiosk.url);
  const k = new IntakePage(page);
  await k.button('English', true).click();
  await k.button('Both').click();
  await k.button('Next').click();
  await k.item('Rice').click();
  await k.button('Next').click();
  await k.button('Cooking').click();
  await k.button('Next').click();
  await k.button('Skip').click();
  await expect(k.heading()).toHaveText('Is this right?');
  await expect(page.getByText('1 × Rice, 5 kg')).toBeVisible();
  // The confirm screen names the items from the list the needs screen already has.
  expect(asked).toHaveLength(1);
  await page.getByRole('button', { name: 'English' }).click();
  await k.button('Español', true).click();
  await expect(k.heading()).toHaveText('¿Está bien así?');
  await expect(page.getByText(/^1 × Arroz/)).toBeVisible();
  expect(asked).toHaveLength(2);
  await k.button('Recibir mi boleta').click();
  await expect(page.locator('svg.qr')).toBeVisible();
  expect(asked).toHaveLength(2);
});
