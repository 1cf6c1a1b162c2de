import type { Migration } from './types';

/**
 * What a coordinator's month needs from the hub's own records (issue 16): weight per item and the
 * food bank's weight categories; where each receipt came from (source, donor, in-kind value) and
 * what it weighed; volunteer shifts; the site's age bands. Pounds in and out are read from a
 * per-day aggregate of the ledger kept by a trigger, so a year of charts reads a few thousand
 * rows instead of every movement of five years.
 */
export const month: Migration = {
  version: 220,
  name: 'month',
  sql: `
-- The food bank's weight categories beyond the built-in ones (shared/reports/weight.ts), and
-- the coordinator's own names for any category, built-in or not, per locale. The built-in ones
-- are not rows: a new install stays empty, so a backup can still be restored onto it.
CREATE TABLE weight_categories (
  id TEXT PRIMARY KEY,
  sort INTEGER NOT NULL DEFAULT 0,
  archived_at TEXT
) STRICT;
CREATE TABLE weight_category_names (
  category_id TEXT NOT NULL,
  locale TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (category_id, locale)
) STRICT;

-- Grams per unit (an item counted in kg or lb weighs its unit); NULL: not known, counted as no weight.
ALTER TABLE items ADD COLUMN unit_weight_g INTEGER CHECK (unit_weight_g IS NULL OR unit_weight_g BETWEEN 1 AND 1000000);
-- A built-in key or a weight_categories id; checked in core (reports/weights.ts).
ALTER TABLE items ADD COLUMN weight_category TEXT;

CREATE TABLE donors (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('organisation', 'person')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- Coordinator-only, like a household's contact.
  contact TEXT,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT;

-- A receipt weighed on the scale keeps what the scale said; other movements weigh qty x unit weight.
ALTER TABLE movements ADD COLUMN weight_g INTEGER CHECK (weight_g IS NULL OR weight_g BETWEEN 0 AND 100000000);
ALTER TABLE movements ADD COLUMN donor_id TEXT REFERENCES donors (id);
ALTER TABLE movements ADD COLUMN value_cents INTEGER CHECK (value_cents IS NULL OR value_cents >= 0);
CREATE INDEX movements_donor ON movements (donor_id, at) WHERE donor_id IS NOT NULL;

-- Per day, kind, weight category and source: units, grams and in-kind value. Maintained by the
-- trigger below with each movement; the category and weight are those of the day it moved.
CREATE TABLE ledger_days (
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  units INTEGER NOT NULL,
  grams INTEGER NOT NULL,
  value_cents INTEGER NOT NULL,
  movements INTEGER NOT NULL,
  PRIMARY KEY (day, kind, category, source)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER movements_ledger_days AFTER INSERT ON movements BEGIN
  INSERT INTO ledger_days (day, kind, category, source, units, grams, value_cents, movements)
  SELECT substr(NEW.at, 1, 10), NEW.kind, COALESCE(i.weight_category, ''),
         CASE WHEN NEW.source IS NULL THEN '' WHEN instr(NEW.source, '|') > 0 THEN substr(NEW.source, 1, instr(NEW.source, '|') - 1) ELSE NEW.source END,
         NEW.qty,
         COALESCE(NEW.weight_g * (CASE WHEN NEW.qty < 0 THEN -1 ELSE 1 END),
                  CAST(round(NEW.qty * CASE i.unit WHEN 'kg' THEN 1000.0 WHEN 'lb' THEN 453.59237 ELSE COALESCE(i.unit_weight_g, 0) END) AS INTEGER)),
         COALESCE(NEW.value_cents, 0), 1
  FROM items i WHERE i.id = NEW.item_id
  ON CONFLICT (day, kind, category, source) DO UPDATE SET
    units = units + excluded.units, grams = grams + excluded.grams,
    value_cents = value_cents + excluded.value_cents, movements = movements + 1;
END;

INSERT INTO ledger_days (day, kind, category, source, units, grams, value_cents, movements)
SELECT substr(m.at, 1, 10), m.kind, '',
       CASE WHEN m.source IS NULL THEN '' WHEN instr(m.source, '|') > 0 THEN substr(m.source, 1, instr(m.source, '|') - 1) ELSE m.source END,
       SUM(m.qty),
       SUM(CAST(round(m.qty * CASE i.unit WHEN 'kg' THEN 1000.0 WHEN 'lb' THEN 453.59237 ELSE 0 END) AS INTEGER)), 0, COUNT(*)
FROM movements m JOIN items i ON i.id = m.item_id
GROUP BY 1, 2, 3, 4;

-- A volunteer's shift: started and ended with their PIN, ended by the kiosk at closing, or
-- corrected by the coordinator. One open shift per volunteer.
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  ended_by TEXT CHECK (ended_by IS NULL OR ended_by IN ('volunteer', 'closing', 'coordinator')),
  corrected_at TEXT,
  CHECK (ended_at IS NULL OR ended_at > started_at),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
) STRICT;
CREATE UNIQUE INDEX shifts_open ON shifts (volunteer_id) WHERE ended_at IS NULL;
CREATE INDEX shifts_started ON shifts (started_at);

-- The report's settings: age bands as [{ "from": 0, "to": 17 }, ..., { "from": 65, "to": null }],
-- the age each older answer (children / adults / seniors) stands for, the site's weight unit.
CREATE TABLE report_settings (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  age_bands TEXT NOT NULL,
  legacy_ages TEXT NOT NULL,
  weight_unit TEXT NOT NULL CHECK (weight_unit IN ('kg', 'lb')),
  updated_at TEXT NOT NULL
) STRICT;

-- People at a visit counted in the site's bands (the intake asks in them); a band is kept by its
-- ages, so changing the bands later still reads old visits.
CREATE TABLE visit_people (
  visit_id TEXT NOT NULL REFERENCES visits (id),
  age_from INTEGER NOT NULL CHECK (age_from BETWEEN 0 AND 130),
  age_to INTEGER CHECK (age_to IS NULL OR age_to BETWEEN age_from AND 130),
  count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 50),
  PRIMARY KEY (visit_id, age_from)
) STRICT;

CREATE INDEX visits_at ON visits (at, household_id);
CREATE INDEX slips_visit ON slips (visit_id);
CREATE INDEX households_created ON households (created_at);
CREATE INDEX needs_offers_created ON needs_offers (created_at, kind, category);
CREATE INDEX needs_offers_closed ON needs_offers (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX board_matches_done ON board_matches (updated_at) WHERE state = 'done';
`,
};
