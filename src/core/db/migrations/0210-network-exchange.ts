import type { Migration } from './types';

/**
 * Bundles over the network (issue 18): the same signed bundles, carried by a local Syncthing.
 * - known_sites.syncthing_device: the Syncthing device id a hub's card carried (NULL: none, or an
 *   older card); syncthing_linked: the coordinator agreed to share the folder with it;
 *   auto_apply: whether that hub's arrivals are applied without a look.
 * - network_settings: one row, present once the coordinator has set sharing over the network up.
 * - exchange_arrivals: every bundle that arrived in the exchange folder and what became of it
 *   (applied, waiting for a look, refused with the reason), so none arrives unseen.
 */
export const networkExchange: Migration = {
  version: 210,
  name: 'network-exchange',
  sql: `
ALTER TABLE known_sites ADD COLUMN syncthing_device TEXT;
ALTER TABLE known_sites ADD COLUMN auto_apply INTEGER NOT NULL DEFAULT 0 CHECK (auto_apply IN (0, 1));
-- The coordinator agreed to share the exchange folder with that device (offered on trusting the card).
ALTER TABLE known_sites ADD COLUMN syncthing_linked INTEGER NOT NULL DEFAULT 0 CHECK (syncthing_linked IN (0, 1));

CREATE TABLE network_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  folder TEXT NOT NULL,
  api_url TEXT NOT NULL,
  api_key TEXT NOT NULL,
  -- This kiosk's own Syncthing device id, as its card carries it (NULL until Syncthing answered).
  device_id TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE exchange_arrivals (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  site_id TEXT,
  sequence INTEGER,
  status TEXT NOT NULL CHECK (status IN ('applied', 'waiting', 'refused')),
  reason TEXT,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX exchange_arrivals_site ON exchange_arrivals (site_id, at);
CREATE INDEX exchange_arrivals_sha ON exchange_arrivals (sha256);
`,
};
