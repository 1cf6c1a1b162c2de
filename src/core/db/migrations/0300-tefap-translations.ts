import type { Migration } from './types';

/**
 * The TEFAP self-declaration in other languages (issue 16): a state often gives its text in
 * English and Spanish, and a visitor who chose Spanish must read and sign the Spanish one. A
 * JSON object by language; the site's own text stays in `declaration`.
 */
export const tefapTranslations: Migration = {
  version: 300,
  name: 'tefap-translations',
  sql: `
ALTER TABLE tefap_settings ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid(translations) AND json_type(translations) = 'object' AND length(translations) <= 60000);
`,
};
