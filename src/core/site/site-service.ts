import { DEFAULT_SETTINGS, SiteSettings, type SiteSetup, type SiteStatus } from '../../shared/domain/site';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { hashPin, verifyPin } from './pin';
import type { SessionStore } from './sessions';
import type { Role } from '../../shared/api/channel';

interface SiteRow {
  id: string;
  name: string;
  settings: string;
}

export interface Site {
  id: string;
  name: string;
  settings: SiteSettings;
}

export function readSite(ctx: CoreContext): Site | null {
  const row = ctx.db.prepare('SELECT id, name, settings FROM site').get() as SiteRow | undefined;
  if (!row) return null;
  return { id: row.id, name: row.name, settings: SiteSettings.parse(JSON.parse(row.settings)) };
}

export function requireSite(ctx: CoreContext): Site {
  const site = readSite(ctx);
  if (!site) throw new AppError('site.not_set_up', 'the site has not been set up yet');
  return site;
}

export function siteStatus(ctx: CoreContext): SiteStatus {
  const site = readSite(ctx);
  return site ? { setUp: true, ...site } : { setUp: false };
}

/** First run: the site, its signing key and the first (coordinator) PIN, in one transaction. */
export function setUpSite(ctx: CoreContext, input: SiteSetup): SiteStatus {
  const at = nowIso(ctx);
  ctx.db
    .transaction(() => {
      if (readSite(ctx)) throw new AppError('site.already_set_up', 'the site is already set up');
      const settings: SiteSettings = {
        ...DEFAULT_SETTINGS,
        languages: [...new Set(input.languages)],
        siteLanguage: input.siteLanguage,
      };
      ctx.db
        .prepare('INSERT INTO site (singleton, id, name, settings, created_at) VALUES (1, ?, ?, ?, ?)')
        .run(ctx.ids.uuid(), input.name, JSON.stringify(settings), at);
      const key = ctx.keys.generate();
      ctx.db
        .prepare('INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)')
        .run(key.publicKey, key.privateKey, at);
      addVolunteer(ctx, { name: 'Coordinator', role: 'coordinator', pin: input.pin });
    })
    .immediate();
  return siteStatus(ctx);
}

export function addVolunteer(ctx: CoreContext, v: { name: string; role: Role; pin: string }): string {
  const id = ctx.ids.uuid();
  ctx.db
    .prepare('INSERT INTO volunteers (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, v.name, v.role, hashPin(v.pin, ctx.ids.random(16)), nowIso(ctx));
  return id;
}

export function login(ctx: CoreContext, sessions: SessionStore, pin: string) {
  requireSite(ctx);
  const rows = ctx.db
    .prepare('SELECT id, name, role, pin_hash FROM volunteers WHERE removed_at IS NULL ORDER BY created_at')
    .all() as { id: string; name: string; role: Role; pin_hash: string }[];
  const match = rows.find((r) => verifyPin(pin, r.pin_hash));
  if (!match) throw new AppError('auth.wrong_pin', 'wrong PIN');
  const s = sessions.open(match);
  return { token: s.token, volunteerName: s.volunteerName, role: s.role };
}
