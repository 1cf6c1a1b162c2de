import type { Migration } from './types';

/**
 * TEFAP mode (issue 16, 7 CFR 251.10): a US site distributing USDA food keeps, per household,
 * the name of the person receiving food, an address to the extent practicable, the household
 * size and the basis of eligibility, often signed. Opt-in per site and off by default: with the
 * mode off nothing here is asked or written. Never ID, status or proof: there is no column for
 * them. Records are forgotten after the site's retention period, like contacts.
 */
export const tefap: Migration = {
  version: 230,
  name: 'tefap',
  sql: `
CREATE TABLE tefap_settings (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  -- The self-declaration the site's state gives, as the coordinator entered it.
  declaration TEXT NOT NULL CHECK (length(declaration) <= 4000),
  retention_days INTEGER NOT NULL CHECK (retention_days BETWEEN 30 AND 3650),
  updated_at TEXT NOT NULL
) STRICT;

-- One per visit that gave TEFAP food. The declaration is the text the visitor signed, kept with it.
CREATE TABLE tefap_records (
  visit_id TEXT PRIMARY KEY REFERENCES visits (id),
  household_id TEXT NOT NULL REFERENCES households (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  address TEXT CHECK (address IS NULL OR length(address) <= 300),
  household_size INTEGER NOT NULL CHECK (household_size BETWEEN 1 AND 50),
  basis TEXT NOT NULL CHECK (basis IN ('income', 'categorical')),
  -- For a categorical basis: the programme (snap, tanf, ssi, medicaid, wic, other).
  program TEXT CHECK (program IS NULL OR length(program) <= 40),
  -- The finger signature as an SVG path in a 600 x 200 box.
  signature TEXT CHECK (signature IS NULL OR length(signature) <= 40000),
  declaration TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX tefap_records_at ON tefap_records (at);
`,
};
