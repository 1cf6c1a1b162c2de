import type { Migration } from './types';

/**
 * Which pickup table called a number: the waiting-room screen says where to go ("Table 3"), not
 * only which number is served. Null for calls made before this, or by a table with no number.
 */
export const queueTables: Migration = {
  version: 280,
  name: 'queue-tables',
  sql: `
ALTER TABLE queue_tickets ADD COLUMN called_table TEXT CHECK (called_table IS NULL OR length(called_table) BETWEEN 1 AND 40);
`,
};
