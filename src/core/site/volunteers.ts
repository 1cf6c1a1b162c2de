import type { Role } from '../../shared/api/channel';
import type { Volunteer } from '../../shared/domain/volunteer';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { hashPin, verifyPin } from './pin';
import type { SessionStore } from './sessions';

interface VolunteerRow {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  created_at: string;
  pin_changed_at: string | null;
}

const COLUMNS = 'id, name, role, pin_hash, created_at, pin_changed_at';

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

/** The active volunteer whose PIN this is, if any. Each PIN opens exactly one volunteer. */
export function volunteerByPin(ctx: CoreContext, pin: string, exceptId?: string): VolunteerRow | undefined {
  return activeVolunteers(ctx).find((r) => r.id !== exceptId && verifyPin(pin, r.pin_hash));
}

/** A PIN picks the volunteer at login, so two volunteers may never share one. Says not whose. */
function requireFreePin(ctx: CoreContext, pin: string, exceptId?: string): void {
  if (volunteerByPin(ctx, pin, exceptId)) throw new AppError('volunteers.pin_taken', 'another volunteer has this PIN; choose another');
}

function activeCoordinators(ctx: CoreContext): number {
  const row = ctx.db.prepare("SELECT COUNT(*) AS n FROM volunteers WHERE role = 'coordinator' AND removed_at IS NULL").get() as { n: number };
  return row.n;
}

/** Adds a volunteer. Runs inside the caller's transaction when there is one (setup, demo seed). */
export function addVolunteer(ctx: CoreContext, v: { name: string; role: Role; pin: string }): string {
  requireFreePin(ctx, v.pin);
  const id = ctx.ids.uuid();
  ctx.db
    .prepare('INSERT INTO volunteers (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, v.name, v.role, hashPin(v.pin, ctx.ids.random(16)), nowIso(ctx));
  return id;
}

/** The coordinator's list: who can open volunteer mode, and with which role. */
export class VolunteerService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionStore,
  ) {}

  list(): { volunteers: Volunteer[] } {
    return { volunteers: activeVolunteers(this.ctx).map(toVolunteer) };
  }

  get(id: string): Volunteer {
    return toVolunteer(findActive(this.ctx, id));
  }

  add(v: { name: string; role: Role; pin: string }): Volunteer {
    const id = this.ctx.db.transaction(() => addVolunteer(this.ctx, v)).immediate();
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

  setPin(id: string, pin: string): Volunteer {
    this.ctx.db
      .transaction(() => {
        findActive(this.ctx, id);
        requireFreePin(this.ctx, pin, id);
        this.ctx.db
          .prepare('UPDATE volunteers SET pin_hash = ?, pin_changed_at = ? WHERE id = ?')
          .run(hashPin(pin, this.ctx.ids.random(16)), nowIso(this.ctx), id);
      })
      .immediate();
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
