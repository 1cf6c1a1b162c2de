import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import type { KnownSite, SiteCard } from '../../shared/api/channels/exchange';
import { bytesToDigits, digitsToBytes } from '../../shared/text';
import { CardBody, fingerprint, privateKeyObject, publicKeyObject } from './format';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/open';

interface KnownRow {
  id: string;
  name: string;
  public_key: Uint8Array;
  fingerprint: string;
  trusted: number;
  trusted_at: string | null;
  last_sequence: number;
}

export interface OwnIdentity {
  id: string;
  name: string;
  keyId: number;
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

/** This site's id, name and active signing key (the newest key not retired). */
export function ownIdentity(ctx: CoreContext): OwnIdentity {
  const site = requireSite(ctx);
  const row = ctx.db
    .prepare('SELECT key_id, public_key, private_key FROM site_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1')
    .get() as { key_id: number; public_key: Uint8Array; private_key: Uint8Array } | undefined;
  if (!row) throw new Error('the site has no active key');
  return {
    id: site.id,
    name: site.name,
    keyId: row.key_id,
    publicKey: new Uint8Array(row.public_key),
    privateKey: privateKeyObject(row.private_key),
  };
}

/** Every public key this site has had (SPKI bytes and key): a record we signed long ago still verifies. */
export function ownPublicKeys(ctx: CoreContext): { spki: Uint8Array; key: KeyObject }[] {
  return (ctx.db.prepare('SELECT public_key FROM site_keys').all() as { public_key: Uint8Array }[]).map((r) => ({
    spki: r.public_key,
    key: publicKeyObject(r.public_key),
  }));
}

/** A known site as the coordinator sees it: its name told apart from any other hub's that looks the same. */
export function toKnownSite(r: KnownRow, label: HubLabeller = hubLabeller([])): KnownSite {
  return {
    id: r.id,
    name: label({ id: r.id, name: r.name, fingerprint: r.fingerprint }),
    fingerprint: r.fingerprint,
    trusted: r.trusted === 1,
    trustedAt: r.trusted_at,
    lastSequence: r.last_sequence,
  };
}

/*
 * Issue 12, 7(c): every hub picks its own name, and a trusted hub can change it with its next
 * bundle, so two hubs may well go by one name (two "Community Fridge"s, or one hub taking
 * another's). What tells them apart is the key the coordinator checked when trusting it: wherever
 * a hub's name is shown and some other hub's name looks the same, the name carries the start of
 * its key's fingerprint, as many groups of it as it takes to be unlike every other such hub's.
 * "Looks the same" is judged generously (case, accents, spacing, punctuation and the common
 * Cyrillic, Greek and digit look-alikes of Latin letters do not count): a tag too many costs
 * nothing, a tag too few lets a hub pass for another.
 */
export interface Hub {
  id: string;
  name: string;
  /** null: a hub seen only by its id (no card), whose name is that id. */
  fingerprint: string | null;
}
export type HubLabeller = (hub: Hub) => string;

const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  з: '3',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  σ: 'o',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '5': 's',
  $: 's',
  '@': 'a',
};

/** A name reduced to how it looks at a glance: two names with one skeleton can be taken for each other. */
export function nameSkeleton(name: string): string {
  return [...name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .join('')
    .replace(/[\p{Z}\p{P}\p{S}\p{C}]/gu, '')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

/** Labels hub names among `hubs` (every hub this one knows of: itself, known sites, and any a bundle brings). */
export function hubLabeller(hubs: readonly Hub[]): HubLabeller {
  const bySkeleton = new Map<string, Hub[]>();
  for (const h of hubs) {
    const k = nameSkeleton(h.name);
    bySkeleton.set(k, [...(bySkeleton.get(k) ?? []), h]);
  }
  return (hub) => {
    const others = (bySkeleton.get(nameSkeleton(hub.name)) ?? []).filter((o) => o.id !== hub.id);
    if (others.length === 0) return hub.name;
    if (hub.fingerprint === null) return `${hub.name} · ${hub.id}`;
    const groups = hub.fingerprint.split('-');
    for (let n = 1; n <= groups.length; n += 1) {
      const tag = groups.slice(0, n).join('-');
      if (!others.some((o) => o.fingerprint !== null && o.fingerprint.split('-').slice(0, n).join('-') === tag))
        return `${hub.name} · ${tag}`;
    }
    // One key under two site ids: only the id tells them apart.
    return `${hub.name} · ${hub.fingerprint} · ${hub.id}`;
  };
}

/** This hub and every hub it knows, as names are labelled against them. */
export function knownHubs(db: Db): Hub[] {
  const out: Hub[] = [];
  const self = db.prepare('SELECT id, name FROM site').get() as { id: string; name: string } | undefined;
  const key = db.prepare('SELECT public_key FROM site_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1').get() as
    { public_key: Uint8Array } | undefined;
  if (self) out.push({ id: self.id, name: self.name, fingerprint: key ? fingerprint(key.public_key) : null });
  for (const r of db.prepare('SELECT id, name, fingerprint FROM known_sites').all() as { id: string; name: string; fingerprint: string }[])
    out.push(r);
  return out;
}

/** The labeller for what this hub knows right now. */
export function siteLabels(db: Db): HubLabeller {
  return hubLabeller(knownHubs(db));
}

export function knownSiteRow(ctx: CoreContext, id: string): KnownRow | undefined {
  return ctx.db.prepare('SELECT * FROM known_sites WHERE id = ?').get(id) as KnownRow | undefined;
}

export function listKnownSites(ctx: CoreContext): KnownSite[] {
  const label = siteLabels(ctx.db);
  return (ctx.db.prepare('SELECT * FROM known_sites ORDER BY trusted DESC, name').all() as KnownRow[]).map((r) => toKnownSite(r, label));
}

export function cardOf(identity: { id: string; name: string; publicKey: Uint8Array }): CardBody {
  return {
    format: 'mak-card',
    version: 1,
    id: identity.id,
    name: identity.name,
    publicKey: Buffer.from(identity.publicKey).toString('base64'),
  };
}

// QR digits: "8" + three digits giving the byte length + the bytes as one big decimal number.
// Bytes: version 1, site id as 16 bytes (a UUID), the 44-byte SPKI key, the name in UTF-8 (≤ 60 bytes).
const digitsFor = (byteLength: number) => Math.ceil(byteLength * Math.log10(256)) + 1;

export function cardDigits(card: CardBody): string {
  const idHex = card.id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(idHex)) throw new Error('site id is not a UUID');
  const key = Buffer.from(card.publicKey, 'base64');
  const chars = [...card.name];
  while (Buffer.byteLength(chars.join(''), 'utf8') > 60) chars.pop();
  const name = Buffer.from(chars.join(''), 'utf8');
  const bytes = Buffer.concat([Buffer.from([1]), Buffer.from(idHex, 'hex'), Buffer.from([key.length]), key, name]);
  return `8${String(bytes.length).padStart(3, '0')}${bytesToDigits(bytes, digitsFor(bytes.length))}`;
}

export function parseCardCode(code: string): CardBody {
  const text = code.trim();
  try {
    if (text.startsWith('{')) return CardBody.parse(JSON.parse(text));
    const m = /^8(\d{3})(\d+)$/.exec(text);
    if (!m) throw new Error('not a card code');
    const length = Number(m[1]);
    if (m[2]!.length !== digitsFor(length)) throw new Error('wrong length');
    const bytes = digitsToBytes(m[2]!, length);
    if (!bytes || bytes[0] !== 1) throw new Error('unreadable');
    const b = Buffer.from(bytes);
    const hex = b.subarray(1, 17).toString('hex');
    const keyLength = b[17]!;
    const key = b.subarray(18, 18 + keyLength);
    const name = b.subarray(18 + keyLength).toString('utf8');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return CardBody.parse({ format: 'mak-card', version: 1, id, name: name || id, publicKey: key.toString('base64') });
  } catch {
    throw new AppError('exchange.bad_card', 'this is not a site card');
  }
}

/**
 * Our own card as other hubs read it, on the card file and in every share bundle we sign: while
 * we share over the network it carries our Syncthing device, so a hub that trusts us from either
 * is offered sharing with it.
 */
export function ownCardBody(ctx: CoreContext): CardBody {
  const me = ownIdentity(ctx);
  const device = ctx.db.prepare('SELECT device_id FROM network_settings WHERE enabled = 1').pluck().get() as string | null | undefined;
  return { ...cardOf(me), ...(device ? { syncthing: device } : {}) };
}

export function ownCard(ctx: CoreContext): SiteCard {
  const me = ownIdentity(ctx);
  // The digit code does not carry the device: it stays short.
  const card = ownCardBody(ctx);
  return {
    siteId: me.id,
    name: me.name,
    fingerprint: fingerprint(me.publicKey),
    text: `${JSON.stringify(card)}\n`,
    digits: cardDigits(card),
  };
}

/**
 * Records a site's card. A known site id with a different key is refused: a key change is
 * exactly what an impostor would try, so the coordinator must remove the old entry knowingly.
 */
export function rememberSite(ctx: CoreContext, card: CardBody, trust: { trusted: boolean; by: string | null }): KnownSite {
  const me = requireSite(ctx);
  if (card.id === me.id) throw new AppError('exchange.own_bundle', 'this is our own card');
  let key: Buffer;
  try {
    key = Buffer.from(card.publicKey, 'base64');
    publicKeyObject(key);
  } catch {
    throw new AppError('exchange.bad_card', 'the card has no usable key');
  }
  const existing = knownSiteRow(ctx, card.id);
  const at = nowIso(ctx);
  if (existing && !Buffer.from(existing.public_key).equals(key)) {
    throw new AppError('exchange.key_changed', `site ${card.id} already has another key`, {
      site: toKnownSite(existing, siteLabels(ctx.db)).name,
    });
  }
  if (!existing) {
    ctx.db
      .prepare(
        `INSERT INTO known_sites (id, name, public_key, fingerprint, trusted, trusted_at, trusted_by, first_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        card.id,
        card.name,
        key,
        fingerprint(key),
        trust.trusted ? 1 : 0,
        trust.trusted ? at : null,
        trust.trusted ? trust.by : null,
        at,
      );
  } else if (trust.trusted && existing.trusted === 0) {
    ctx.db
      .prepare('UPDATE known_sites SET trusted = 1, trusted_at = ?, trusted_by = ?, name = ? WHERE id = ?')
      .run(at, trust.by, card.name, card.id);
  }
  // A card the coordinator chose that carries a Syncthing device: offered for sharing (network-sync.ts).
  if (trust.trusted && card.syncthing)
    ctx.db.prepare('UPDATE known_sites SET syncthing_device = ? WHERE id = ?').run(card.syncthing, card.id);
  return toKnownSite(knownSiteRow(ctx, card.id)!, siteLabels(ctx.db));
}

export function setTrust(ctx: CoreContext, siteId: string, trusted: boolean, by: string | null): KnownSite {
  const row = knownSiteRow(ctx, siteId);
  if (!row) throw new AppError('exchange.unknown_site', `no site ${siteId}`);
  ctx.db
    .prepare('UPDATE known_sites SET trusted = ?, trusted_at = ?, trusted_by = ? WHERE id = ?')
    .run(trusted ? 1 : 0, trusted ? nowIso(ctx) : null, trusted ? by : null, siteId);
  return toKnownSite(knownSiteRow(ctx, siteId)!, siteLabels(ctx.db));
}
