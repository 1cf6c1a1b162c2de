import type { Migration } from './types';

/**
 * What slips asked for, per issue day and item, kept up to date by triggers as reservations are.
 * The pantry gaps, the "we have plenty" list and the waiting-room screen ask "how often was this
 * item asked for in the last two weeks": summed from slip lines, that read every line of every
 * slip in the window (tens of thousands at a busy hub) on each 20-second refresh of the TV; from
 * here it is one short range of days. Voided slips do not count, as before.
 */
export const itemAsks: Migration = {
  version: 270,
  name: 'item-asks',
  sql: `
CREATE TABLE item_asks (
  day INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  slips INTEGER NOT NULL,
  qty INTEGER NOT NULL,
  PRIMARY KEY (day, item_id)
) STRICT, WITHOUT ROWID;

INSERT INTO item_asks (day, item_id, slips, qty)
  SELECT s.issue_day, l.item_id, COUNT(*), SUM(l.qty) FROM slips s JOIN slip_lines l ON l.slip_id = s.id
  WHERE s.voided_at IS NULL GROUP BY s.issue_day, l.item_id;

CREATE TRIGGER slip_lines_ask AFTER INSERT ON slip_lines
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = NEW.slip_id)
BEGIN
  INSERT INTO item_asks (day, item_id, slips, qty)
    SELECT issue_day, NEW.item_id, 1, NEW.qty FROM slips WHERE id = NEW.slip_id
    ON CONFLICT (day, item_id) DO UPDATE SET slips = slips + 1, qty = qty + excluded.qty;
END;
CREATE TRIGGER slip_lines_unask AFTER DELETE ON slip_lines
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = OLD.slip_id)
BEGIN
  UPDATE item_asks SET slips = slips - 1, qty = qty - OLD.qty
    WHERE item_id = OLD.item_id AND day = (SELECT issue_day FROM slips WHERE id = OLD.slip_id);
  DELETE FROM item_asks WHERE item_id = OLD.item_id AND slips <= 0;
END;
CREATE TRIGGER slip_lines_reask AFTER UPDATE OF qty ON slip_lines
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = NEW.slip_id)
BEGIN
  UPDATE item_asks SET qty = qty + NEW.qty - OLD.qty
    WHERE item_id = NEW.item_id AND day = (SELECT issue_day FROM slips WHERE id = NEW.slip_id);
END;
CREATE TRIGGER slips_void_unask AFTER UPDATE OF voided_at ON slips
WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
BEGIN
  UPDATE item_asks SET slips = slips - 1, qty = qty - (SELECT l.qty FROM slip_lines l WHERE l.slip_id = NEW.id AND l.item_id = item_asks.item_id)
    WHERE day = OLD.issue_day AND item_id IN (SELECT item_id FROM slip_lines WHERE slip_id = NEW.id);
  DELETE FROM item_asks WHERE day = OLD.issue_day AND slips <= 0;
END;
CREATE TRIGGER slips_unvoid_ask AFTER UPDATE OF voided_at ON slips
WHEN OLD.voided_at IS NOT NULL AND NEW.voided_at IS NULL
BEGIN
  INSERT INTO item_asks (day, item_id, slips, qty)
    SELECT NEW.issue_day, item_id, 1, qty FROM slip_lines WHERE slip_id = NEW.id
    ON CONFLICT (day, item_id) DO UPDATE SET slips = slips + 1, qty = qty + excluded.qty;
END;
`,
};
