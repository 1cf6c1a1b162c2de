import type { Role } from '../../shared/api/channel';
import type { Volunteer } from '../../shared/domain/volunteer';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { formatPinHash, PIN_COST, scryptPinSync, verifyPin, verifyPinSync, type PinHasher } from './pin';
import type { SessionInfo, SessionStore } from './sessions';

export interface VolunteerRow {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  pin_lookup: string | null;
  pin_version: number;
  created_at: string;
  pin_changed_at: string | null;
}

const COLUMNS = 'id, name, role, pin_hash, pin_lookup, pin_version, created_at, pin_changed_at';

function toVolunteer(r: VolunteerRow): Volunteer {
  return { id: r.id, name: r.name, role: r.role, createdAt: r.created_at, pinChangedAt: r.pin_changed_at };
}

export function activeVolunteers(ctx: CoreContext): VolunteerRow[] {
  return ctx.db.prepare(`SELECT ${COLUMNS} FROM volunteers WHERE removed_at IS NULL ORDER BY created_at, id`).all() as VolunteerRow[];
}

function findActive(ctx: CoreContext, id: string): VolunteerRow {
  const row = ctx.db.prepare(`SELECT ${COLUMNS} FROM volunteers WHERE id = ? AND removed_at IS NULL`).get(id) as VolunteerRow | undefined;
  if (!row) throw new AppError('volunteers.not_found', 'no such volunteer');
  return row;
}

/**
 * A PIN hashed with the site's one salt: the same PIN gives the same key on every kiosk, so
 * `lookup` finds its volunteer directly, and the unique index on it keeps PINs one per volunteer.
 * (A keyed HMAC with a secret kept in this same database would look the PIN up just as well, but a
 * stolen file would then give every PIN away in a blink; this way a 4-digit PIN still costs up to 10,000 scrypts to find.)
 */
export interface PinKey {
  hash: string;
  lookup: string;
}

function siteSalt(ctx: CoreContext): Buffer {
  return (ctx.db.prepare('SELECT salt FROM pin_salt').get() as { salt: Buffer }).salt;
}

function pinKeyOf(salt: Uint8Array, hash: Uint8Array): PinKey {
  return { hash: formatPinHash(PIN_COST.N, salt, hash), lookup: Buffer.from(hash).toString('hex') };
}

async function pinKey(ctx: CoreContext, hasher: PinHasher, pin: string): Promise<PinKey> {
  const salt = siteSalt(ctx);
  return pinKeyOf(salt, await hasher(pin, salt, PIN_COST));
}

function activeByLookup(ctx: CoreContext, lookup: string): VolunteerRow | undefined {
  return ctx.db.prepare(`SELECT ${COLUMNS} FROM volunteers WHERE pin_lookup = ? AND removed_at IS NULL`).get(lookup) as
    VolunteerRow | undefined;
}

/** PINs set before version 90, each with its own salt: found only by trying them. Fewer at every sign-in. */
function legacyVolunteers(ctx: CoreContext): VolunteerRow[] {
  return ctx.db
    .prepare(`SELECT ${COLUMNS} FROM volunteers WHERE pin_lookup IS NULL AND removed_at IS NULL ORDER BY created_at, id`)
    .all() as VolunteerRow[];
}

interface PinMatch {
  key: PinKey;
  /** The active volunteer (other than `exceptId`) whose PIN this is. */
  owner: VolunteerRow | undefined;
}

/** Which volunteer a PIN opens: one hash for the lookup, plus one per legacy PIN still left. */
async function matchPin(ctx: CoreContext, hasher: PinHasher, pin: string, exceptId?: string): Promise<PinMatch> {
  const key = await pinKey(ctx, hasher, pin);
  const row = activeByLookup(ctx, key.lookup);
  if (row) return { key, owner: row.id === exceptId ? undefined : row };
  for (const legacy of legacyVolunteers(ctx)) {
    if (legacy.id !== exceptId && (await verifyPin(hasher, pin, legacy.pin_hash))) return { key, owner: legacy };
  }
  return { key, owner: undefined };
}

function matchPinSync(ctx: CoreContext, pin: string): PinMatch {
  const salt = siteSalt(ctx);
  const key = pinKeyOf(salt, scryptPinSync(pin, salt));
  const owner = activeByLookup(ctx, key.lookup) ?? legacyVolunteers(ctx).find((r) => verifyPinSync(pin, r.pin_hash));
  return { key, owner };
}

const pinTaken = () => new AppError('volunteers.pin_taken', 'another volunteer has this PIN; choose another');

/**
 * Writes a PIN key. The unique index is the last word on "a PIN picks one volunteer": it also
 * refuses two kiosks giving the same PIN to two volunteers at the same moment. Says not whose.
 */
function writingPin<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message.includes('volunteers.pin_lookup'))
      throw pinTaken();
    throw err;
  }
}

function insertVolunteer(ctx: CoreContext, v: { name: string; role: Role }, key: PinKey): string {
  const id = ctx.ids.uuid();
  writingPin(() =>
    ctx.db
      .prepare('INSERT INTO volunteers (id, name, role, pin_hash, pin_lookup, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, v.name, v.role, key.hash, key.lookup, nowIso(ctx)),
  );
  return id;
}

function activeCoordinators(ctx: CoreContext): number {
  const row = ctx.db.prepare("SELECT COUNT(*) AS n FROM volunteers WHERE role = 'coordinator' AND removed_at IS NULL").get() as {
    n: number;
  };
  return row.n;
}

/**
 * Adds a volunteer inside the caller's transaction, hashing on this thread: for seeding a fresh
 * site at startup and for tests. The channels use VolunteerService, which hashes off the thread.
 */
export function addVolunteer(ctx: CoreContext, v: { name: string; role: Role; pin: string | PinKey }): string {
  // A PinKey comes from VolunteerService.freePinKey, which has checked it already.
  if (typeof v.pin !== 'string') return insertVolunteer(ctx, v, v.pin);
  const match = matchPinSync(ctx, v.pin);
  if (match.owner) throw pinTaken();
  return insertVolunteer(ctx, v, match.key);
}

/** Whether a session's volunteer still holds it: not removed, same role, same PIN. */
export function sessionStillHolds(ctx: CoreContext, s: SessionInfo): boolean {
  const row = ctx.db.prepare('SELECT role, pin_version FROM volunteers WHERE id = ? AND removed_at IS NULL').get(s.volunteerId) as
    { role: Role; pin_version: number } | undefined;
  return row !== undefined && row.role === s.role && row.pin_version === s.pinVersion;
}

/** The coordinator's list: who can open volunteer mode, and with which role. */
export class VolunteerService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionStore,
    private readonly hasher: PinHasher,
  ) {}

  list(): { volunteers: Volunteer[] } {
    return { volunteers: activeVolunteers(this.ctx).map(toVolunteer) };
  }

  get(id: string): Volunteer {
    return toVolunteer(findActive(this.ctx, id));
  }

  /**
   * The active volunteer a PIN opens, or undefined. A legacy PIN found the slow way gets its
   * lookup key now, so its owner's next sign-in is one hash too.
   */
  async byPin(pin: string): Promise<VolunteerRow | undefined> {
    const { key, owner } = await matchPin(this.ctx, this.hasher, pin);
    if (!owner || owner.pin_lookup !== null) return owner;
    // Only if the row still has the hash just checked: a PIN changed meanwhile is not overwritten.
    // Should another kiosk have given this PIN to someone else in between, the row stays legacy.
    this.ctx.db
      .prepare(
        `UPDATE volunteers SET pin_hash = ?, pin_lookup = ? WHERE id = ? AND pin_hash = ? AND removed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM volunteers WHERE pin_lookup = ? AND removed_at IS NULL)`,
      )
      .run(key.hash, key.lookup, owner.id, owner.pin_hash, key.lookup);
    return this.ctx.db.prepare(`SELECT ${COLUMNS} FROM volunteers WHERE id = ? AND removed_at IS NULL`).get(owner.id) as
      VolunteerRow | undefined;
  }

  /**
   * The key of a PIN no other active volunteer has, hashed off the thread. Hashing happens before
   * any transaction (a transaction cannot wait for the thread pool); the unique index then settles
   * a race with another kiosk that takes the same PIN in between.
   */
  async freePinKey(pin: string, exceptId?: string): Promise<PinKey> {
    const match = await matchPin(this.ctx, this.hasher, pin, exceptId);
    if (match.owner) throw pinTaken();
    return match.key;
  }

  async add(v: { name: string; role: Role; pin: string }): Promise<Volunteer> {
    const key = await this.freePinKey(v.pin);
    const id = this.ctx.db.transaction(() => insertVolunteer(this.ctx, v, key)).immediate();
    return this.get(id);
  }

  update(id: string, change: { name?: string | undefined; role?: Role | undefined }): Volunteer {
    this.ctx.db
      .transaction(() => {
        const row = findActive(this.ctx, id);
        const role = change.role ?? row.role;
        if (row.role === 'coordinator' && role !== 'coordinator') this.keepOneCoordinator();
        this.ctx.db.prepare('UPDATE volunteers SET name = ?, role = ? WHERE id = ?').run(change.name ?? row.name, role, id);
        // A session carries its role: a changed role takes effect now, not at the next login.
        if (role !== row.role) this.sessions.closeVolunteer(id);
      })
      .immediate();
    return this.get(id);
  }

  /** A new PIN ends the sessions opened with the old one (all but `by`, the one changing it). */
  async setPin(id: string, pin: string, by: SessionInfo | null = null): Promise<Volunteer> {
    findActive(this.ctx, id);
    const key = await this.freePinKey(pin, id);
    const version = this.ctx.db
      .transaction(() => {
        const row = findActive(this.ctx, id);
        writingPin(() =>
          this.ctx.db
            .prepare('UPDATE volunteers SET pin_hash = ?, pin_lookup = ?, pin_version = pin_version + 1, pin_changed_at = ? WHERE id = ?')
            .run(key.hash, key.lookup, nowIso(this.ctx), id),
        );
        return row.pin_version + 1;
      })
      .immediate();
    this.sessions.pinChanged(id, version, by);
    return this.get(id);
  }

  remove(id: string): Record<string, never> {
    this.ctx.db
      .transaction(() => {
        const row = findActive(this.ctx, id);
        if (row.role === 'coordinator') this.keepOneCoordinator();
        this.ctx.db.prepare('UPDATE volunteers SET removed_at = ? WHERE id = ?').run(nowIso(this.ctx), id);
      })
      .immediate();
    // Someone who left the team is logged out everywhere at once.
    this.sessions.closeVolunteer(id);
    return {};
  }

  private keepOneCoordinator(): void {
    if (activeCoordinators(this.ctx) <= 1) {
      throw new AppError('volunteers.last_coordinator', 'the site must keep at least one coordinator');
    }
  }
}
