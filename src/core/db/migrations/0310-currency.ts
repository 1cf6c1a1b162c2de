import type { Migration } from './types';

/**
 * The currency in-kind values are counted in (issue 16): a donor's receipt says "$20.00" or
 * "20,00 €", not a bare 20.00. An ISO 4217 code; null until the coordinator chooses one (the
 * receipts then show plain amounts, as before).
 */
export const currency: Migration = {
  version: 310,
  name: 'currency',
  sql: `
ALTER TABLE report_settings ADD COLUMN currency TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency)));
`,
};
