import type { Migration } from './types';

/**
 * Pantry inventory: dietary tags per item, stock counts (a count is confirmed once and its
 * differences become adjustments), per-item stock totals and slip reservations kept by
 * triggers, and the indexes the stock room's hot reads need.
 */
export const inventory: Migration = {
  version: 20,
  name: 'inventory',
  sql: `
CREATE TABLE item_tags (
  item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
) STRICT;
CREATE INDEX item_tags_tag ON item_tags (tag, item_id);

-- One row per confirmed count; request_id makes a double-tapped confirm record once.
CREATE TABLE stock_counts (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  volunteer TEXT,
  note TEXT,
  at TEXT NOT NULL
) STRICT;

-- What was on the shelf and what the system said, line by line (lot_id '' = no lot).
CREATE TABLE stock_count_lines (
  count_id TEXT NOT NULL REFERENCES stock_counts (id),
  item_id TEXT NOT NULL REFERENCES items (id),
  lot_id TEXT NOT NULL DEFAULT '',
  expected INTEGER NOT NULL,
  counted INTEGER NOT NULL CHECK (counted >= 0),
  PRIMARY KEY (count_id, item_id, lot_id)
) STRICT;

-- Per-item totals, maintained by triggers from on_hand (itself maintained with each movement,
-- whichever feature records it): the stock list reads one row per item instead of grouping
-- every lot, and the expiring view finds items by their first expiry through an index.
CREATE TABLE item_stock (
  item_id TEXT PRIMARY KEY REFERENCES items (id),
  on_hand INTEGER NOT NULL DEFAULT 0,
  next_expiry TEXT
) STRICT;
CREATE INDEX item_stock_expiry ON item_stock (next_expiry, item_id) WHERE next_expiry IS NOT NULL;

CREATE TRIGGER on_hand_insert_item_stock AFTER INSERT ON on_hand BEGIN
  INSERT INTO item_stock (item_id, on_hand) VALUES (NEW.item_id, NEW.qty)
    ON CONFLICT (item_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand;
  UPDATE item_stock SET next_expiry = (SELECT MIN(l.expires_on) FROM on_hand o JOIN lots l ON l.id = o.lot_id
                                        WHERE o.item_id = NEW.item_id AND o.qty > 0)
    WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER on_hand_update_item_stock AFTER UPDATE OF qty ON on_hand BEGIN
  UPDATE item_stock SET on_hand = on_hand + NEW.qty - OLD.qty,
    next_expiry = (SELECT MIN(l.expires_on) FROM on_hand o JOIN lots l ON l.id = o.lot_id
                   WHERE o.item_id = NEW.item_id AND o.qty > 0)
    WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER on_hand_delete_item_stock AFTER DELETE ON on_hand BEGIN
  UPDATE item_stock SET on_hand = on_hand - OLD.qty,
    next_expiry = (SELECT MIN(l.expires_on) FROM on_hand o JOIN lots l ON l.id = o.lot_id
                   WHERE o.item_id = OLD.item_id AND o.qty > 0)
    WHERE item_id = OLD.item_id;
END;
CREATE TRIGGER lots_expiry_item_stock AFTER UPDATE OF expires_on ON lots BEGIN
  UPDATE item_stock SET next_expiry = (SELECT MIN(l.expires_on) FROM on_hand o JOIN lots l ON l.id = o.lot_id
                                        WHERE o.item_id = NEW.item_id AND o.qty > 0)
    WHERE item_id = NEW.item_id;
END;

INSERT INTO item_stock (item_id, on_hand) SELECT item_id, SUM(qty) FROM on_hand GROUP BY item_id;
UPDATE item_stock SET next_expiry = (SELECT MIN(l.expires_on) FROM on_hand o JOIN lots l ON l.id = o.lot_id
                                      WHERE o.item_id = item_stock.item_id AND o.qty > 0);

-- What open slips have promised, per item and expiry day, maintained by triggers on the slip
-- tables: a slip reserves its lines when issued and releases them when redeemed or voided;
-- expiry releases without a write, because readers only count days not yet past. Reading it
-- is one short index range, however many slips a busy week brings.
CREATE TABLE reservations (
  item_id TEXT NOT NULL,
  expiry_day INTEGER NOT NULL,
  qty INTEGER NOT NULL,
  PRIMARY KEY (item_id, expiry_day)
) STRICT, WITHOUT ROWID;
CREATE INDEX reservations_day ON reservations (expiry_day, item_id, qty);

CREATE TRIGGER slip_lines_reserve AFTER INSERT ON slip_lines
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = NEW.slip_id)
  AND NOT EXISTS (SELECT 1 FROM redemptions WHERE slip_id = NEW.slip_id)
BEGIN
  INSERT INTO reservations (item_id, expiry_day, qty)
    SELECT NEW.item_id, expiry_day, NEW.qty FROM slips WHERE id = NEW.slip_id
    ON CONFLICT (item_id, expiry_day) DO UPDATE SET qty = qty + excluded.qty;
END;
CREATE TRIGGER slip_lines_unreserve AFTER DELETE ON slip_lines
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = OLD.slip_id)
  AND NOT EXISTS (SELECT 1 FROM redemptions WHERE slip_id = OLD.slip_id)
BEGIN
  UPDATE reservations SET qty = qty - OLD.qty
    WHERE item_id = OLD.item_id AND expiry_day = (SELECT expiry_day FROM slips WHERE id = OLD.slip_id);
  DELETE FROM reservations WHERE item_id = OLD.item_id AND qty <= 0;
END;
CREATE TRIGGER slip_lines_rereserve AFTER UPDATE OF qty ON slip_lines
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = NEW.slip_id)
  AND NOT EXISTS (SELECT 1 FROM redemptions WHERE slip_id = NEW.slip_id)
BEGIN
  UPDATE reservations SET qty = qty + NEW.qty - OLD.qty
    WHERE item_id = NEW.item_id AND expiry_day = (SELECT expiry_day FROM slips WHERE id = NEW.slip_id);
  DELETE FROM reservations WHERE item_id = NEW.item_id AND qty <= 0;
END;
CREATE TRIGGER slips_void_release AFTER UPDATE OF voided_at ON slips
WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM redemptions WHERE slip_id = NEW.id)
BEGIN
  UPDATE reservations SET qty = qty - (SELECT SUM(l.qty) FROM slip_lines l WHERE l.slip_id = NEW.id AND l.item_id = reservations.item_id)
    WHERE expiry_day = OLD.expiry_day AND item_id IN (SELECT item_id FROM slip_lines WHERE slip_id = NEW.id);
  DELETE FROM reservations WHERE expiry_day = OLD.expiry_day AND qty <= 0;
END;
CREATE TRIGGER slips_unvoid_reserve AFTER UPDATE OF voided_at ON slips
WHEN OLD.voided_at IS NOT NULL AND NEW.voided_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM redemptions WHERE slip_id = NEW.id)
BEGIN
  INSERT INTO reservations (item_id, expiry_day, qty)
    SELECT item_id, NEW.expiry_day, qty FROM slip_lines WHERE slip_id = NEW.id
    ON CONFLICT (item_id, expiry_day) DO UPDATE SET qty = qty + excluded.qty;
END;
CREATE TRIGGER slips_expiry_move AFTER UPDATE OF expiry_day ON slips
WHEN NEW.voided_at IS NULL AND OLD.voided_at IS NULL AND OLD.expiry_day <> NEW.expiry_day
  AND NOT EXISTS (SELECT 1 FROM redemptions WHERE slip_id = NEW.id)
BEGIN
  UPDATE reservations SET qty = qty - (SELECT SUM(l.qty) FROM slip_lines l WHERE l.slip_id = NEW.id AND l.item_id = reservations.item_id)
    WHERE expiry_day = OLD.expiry_day AND item_id IN (SELECT item_id FROM slip_lines WHERE slip_id = NEW.id);
  DELETE FROM reservations WHERE expiry_day = OLD.expiry_day AND qty <= 0;
  INSERT INTO reservations (item_id, expiry_day, qty)
    SELECT item_id, NEW.expiry_day, qty FROM slip_lines WHERE slip_id = NEW.id
    ON CONFLICT (item_id, expiry_day) DO UPDATE SET qty = qty + excluded.qty;
END;
CREATE TRIGGER redemptions_release AFTER INSERT ON redemptions
WHEN (SELECT voided_at IS NULL FROM slips WHERE id = NEW.slip_id)
BEGIN
  UPDATE reservations SET qty = qty - (SELECT SUM(l.qty) FROM slip_lines l WHERE l.slip_id = NEW.slip_id AND l.item_id = reservations.item_id)
    WHERE expiry_day = (SELECT expiry_day FROM slips WHERE id = NEW.slip_id)
      AND item_id IN (SELECT item_id FROM slip_lines WHERE slip_id = NEW.slip_id);
  DELETE FROM reservations WHERE expiry_day = (SELECT expiry_day FROM slips WHERE id = NEW.slip_id) AND qty <= 0;
END;

INSERT INTO reservations (item_id, expiry_day, qty)
  SELECT l.item_id, s.expiry_day, SUM(l.qty) FROM slips s JOIN slip_lines l ON l.slip_id = s.id
  WHERE s.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id)
  GROUP BY l.item_id, s.expiry_day;

-- The expiring-soon view reads lots by date across all items.
CREATE INDEX lots_expiry ON lots (expires_on) WHERE expires_on IS NOT NULL;

`,
};
