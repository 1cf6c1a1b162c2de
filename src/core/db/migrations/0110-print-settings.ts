import type { Migration } from './types';

/**
 * How the kiosk prints a visitor's slip: the coordinator's choice of mode, paper and printer.
 * One row or none (none: print automatically on 80 mm to the system default printer).
 */
export const printSettings: Migration = {
  version: 110,
  name: 'print-settings',
  sql: `
CREATE TABLE print_settings (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  mode TEXT NOT NULL CHECK (mode IN ('auto', 'ask', 'screen')),
  paper TEXT NOT NULL CHECK (paper IN ('58', '80', 'a4', 'letter')),
  printer TEXT CHECK (printer IS NULL OR length(printer) BETWEEN 1 AND 200),
  updated_at TEXT NOT NULL
) STRICT;
`,
};
