import { randomUUID } from 'node:crypto';
import type { Core } from '../../src/core/index';
import { recordMovement } from '../../src/core/inventory/ledger';
import type { LocaleCode } from '../../src/shared/locales';

/** Adds an item named in English and Arabic, with lots (qty, expiry day) received now. */
export function stockItem(
  core: Core,
  key: string,
  lots: { qty: number; expiresOn: string | null; code?: string }[],
  names?: Record<string, string>,
): string {
  const { db } = core.ctx;
  const at = core.ctx.clock.now().toISOString();
  const id = `item-${key}`;
  db.prepare('INSERT INTO items (id, origin_site, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, 'site', 'each', at, at);
  for (const [locale, name] of Object.entries(names ?? { en: key, ar: `${key}-ar` })) {
    db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)').run(id, locale, name);
  }
  db.transaction(() => {
    lots.forEach((lot, n) => {
      const lotId = `${id}-lot-${n}`;
      db.prepare('INSERT INTO lots (id, item_id, code, expires_on, received_at) VALUES (?, ?, ?, ?, ?)').run(
        lotId,
        id,
        lot.code ?? `L${n}`,
        lot.expiresOn,
        at,
      );
      recordMovement(core.ctx, { itemId: id, lotId, kind: 'receive', qty: lot.qty });
    });
  })();
  return id;
}

/** Issues a slip the way the kiosk does (intake.submit); returns its id, short code and digits. */
export function issueSlip(core: Core, needs: { itemId: string; qty: number }[], language: LocaleCode = 'ar') {
  // No items: a slip for another kind of help (a visit asking for nothing gets no slip).
  const view = core.services.intake.submit({
    requestId: randomUUID(),
    language,
    household: { adults: 2, children: 1 },
    needs,
    ...(needs.length ? {} : { otherNeeds: [{ category: 'other' }] }),
  });
  if (!view) throw new Error('no slip issued');
  return { id: view.id, shortCode: view.shortCode, digits: view.qrDigits };
}

export function onHand(core: Core, itemId: string): number {
  return (core.ctx.db.prepare('SELECT COALESCE(SUM(qty), 0) AS q FROM on_hand WHERE item_id = ?').get(itemId) as { q: number }).q;
}
