import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemName } from '../../src/core/inventory/item-name';
import type { StockQuery } from '../../src/shared/api/channels/inventory';
import type { z } from 'zod';
import { makeCore, type TestCore } from '../support/core';
import { issueSlip, stockItem } from '../support/slips';

/**
 * An item is named in the asked language, else the site's (English here), else in any language
 * it has (English first), else by its id
 * (core/inventory/item-name.ts). Every screen that names an item follows the one rule.
 */
describe('naming an item', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  /** How each screen names the item, asked in `lang`. */
  const names = (itemId: string, lang: 'en' | 'ar') => {
    const slip = issueSlip(t.core, [{ itemId, qty: 1 }], lang);
    const stock = t.core.services.stock
      .stock({
        language: lang,
        search: '',
        categoryId: null,
        tag: null,
        view: 'all',
        withinDays: 7,
        sort: 'name',
        limit: 100,
        offset: 0,
      } as z.output<typeof StockQuery>)
      .rows.find((r) => r.id === itemId);
    return {
      rule: itemName(t.core.ctx, itemId, lang, 'en').name,
      intake: t.core.services.intake.catalog(lang).find((i) => i.id === itemId)?.name,
      slip: t.core.services.slips.view(slip.id, lang).lines[0]?.name,
      stockList: stock?.name,
      detail: t.core.services.catalogue.item(itemId, lang).name,
      publicScreen: t.core.services.publicBoard.publicView(lang).have.find((h) => h.itemId === itemId)?.name,
    };
  };
  const same = (name: string) => ({ rule: name, intake: name, slip: name, stockList: name, detail: name, publicScreen: name });

  it('in the asked language when it has one', () => {
    const rice = stockItem(t.core, 'rice', [{ qty: 50, expiresOn: null }], { en: 'Rice', ar: 'أرز' });
    expect(names(rice, 'ar')).toEqual(same('أرز'));
    expect(itemName(t.core.ctx, rice, 'ar', 'en').untranslated).toBe(false);
  });

  it('in the site language, marked untranslated, when the asked one is missing', () => {
    const soap = stockItem(t.core, 'soap', [{ qty: 50, expiresOn: null }], { en: 'Soap' });
    expect(names(soap, 'ar')).toEqual(same('Soap'));
    expect(itemName(t.core.ctx, soap, 'ar', 'en').untranslated).toBe(true);
    expect(t.core.services.intake.catalog('ar').find((i) => i.id === soap)?.untranslated).toBe(true);
  });

  it('in the one language it was given when neither the asked nor the site’s has a name, on every screen', () => {
    // Saved at the stock room with only a Ukrainian name (a name in any one language is enough).
    const buckwheat = stockItem(t.core, 'buckwheat', [{ qty: 50, expiresOn: null }], { uk: 'Гречка' });
    expect(names(buckwheat, 'ar')).toEqual(same('Гречка'));
    expect(names(buckwheat, 'en')).toEqual(same('Гречка'));
    expect(itemName(t.core.ctx, buckwheat, 'ar', 'en').untranslated).toBe(true);
    // Two other languages: the same one every time (by language code), not whichever comes up.
    const rice = stockItem(t.core, 'rice2', [{ qty: 50, expiresOn: null }], { uk: 'Рис', fa: 'برنج' });
    expect(names(rice, 'ar')).toEqual(same('برنج'));
  });

  it('by its id when it has no name at all (a record from another site), the board included', () => {
    const bare = stockItem(t.core, 'bare', [{ qty: 50, expiresOn: null }], {});
    expect(names(bare, 'ar')).toEqual(same(bare));
    expect(t.core.services.gaps.publishGap(bare).itemName).toBe(bare);
  });
});
