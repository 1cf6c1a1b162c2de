import { describe, expect, it } from 'vitest';
import { createI18n, loadLanguages } from '../../src/renderer/i18n';
import { unitLabel } from '../../src/renderer/inventory/units';

// Issue 12, point 1: an item from another hub may count in a unit this version has no word for.
describe('unitLabel', () => {
  it('says a known unit in the reader’s language', async () => {
    const i18n = createI18n('es');
    await loadLanguages(i18n, ['es']);
    expect(unitLabel('can', i18n.t)).toBe(i18n.t('inventory:units.can'));
    expect(unitLabel('can', i18n.t)).not.toBe('can');
  });

  it('shows a unit it does not know as it came, isolated, never as a missing-translation key', async () => {
    const i18n = createI18n('ar');
    await loadLanguages(i18n, ['ar']);
    expect(unitLabel('crate', i18n.t)).toBe('\u2068crate\u2069');
    expect(unitLabel('صندوق', i18n.t)).toBe('\u2068صندوق\u2069');
    // A unit named like a key of the file is still only a word.
    expect(unitLabel('units', i18n.t)).toBe('\u2068units\u2069');
  });
});
