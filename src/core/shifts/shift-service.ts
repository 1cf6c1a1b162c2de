import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';

export interface ShiftRow {
  id: string;
  volunteerId: string;
  name: string;
  role: string;
  startedAt: string;
  endedAt: string | null;
  endedBy: 'volunteer' | 'closing' | 'coordinator' | null;
}

const SELECT = `SELECT s.id, s.volunteer_id AS volunteerId, v.name, v.role, s.started_at AS startedAt, s.ended_at AS endedAt, s.ended_by AS endedBy
  FROM shifts s JOIN volunteers v ON v.id = s.volunteer_id`;

/**
 * Volunteer shifts: started and ended with the volunteer's own PIN, ended for everyone at
 * closing, corrected by the coordinator when someone forgot to sign out.
 */
export class ShiftService {
  constructor(private readonly ctx: CoreContext) {}

  private byId(id: string): ShiftRow {
    const row = this.ctx.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as ShiftRow | undefined;
    if (!row) throw new AppError('month.shift_not_found', `no shift ${id}`, { field: 'shift' });
    return row;
  }

  private open(volunteerId: string): ShiftRow | undefined {
    return this.ctx.db.prepare(`${SELECT} WHERE s.volunteer_id = ? AND s.ended_at IS NULL`).get(volunteerId) as ShiftRow | undefined;
  }

  /** A shift is the volunteer's behind the PIN: there is none to start or end without one. */
  private volunteerOf(session: { volunteerId: string } | null): string {
    if (!session) throw new AppError('auth.required', 'a shift needs the volunteer behind the PIN');
    return session.volunteerId;
  }

  startFor(session: { volunteerId: string } | null): ShiftRow {
    return this.start(this.volunteerOf(session));
  }

  endFor(session: { volunteerId: string } | null): ShiftRow {
    return this.end(this.volunteerOf(session));
  }

  /** Closing time: every open shift ends, and the answer says how many. */
  closeAll(): { ended: number } {
    return { ended: this.closeDay() };
  }

  /** A second tap on "start" returns the shift already open: one open shift per volunteer. */
  start(volunteerId: string): ShiftRow {
    return this.ctx.db
      .transaction(() => {
        const open = this.open(volunteerId);
        if (open) return open;
        const id = this.ctx.ids.uuid();
        this.ctx.db.prepare('INSERT INTO shifts (id, volunteer_id, started_at) VALUES (?, ?, ?)').run(id, volunteerId, nowIso(this.ctx));
        return this.byId(id);
      })
      .immediate();
  }

  end(volunteerId: string): ShiftRow {
    return this.ctx.db
      .transaction(() => {
        const open = this.open(volunteerId);
        if (!open) throw new AppError('month.shift_not_found', 'no open shift', { field: 'shift' });
        this.ctx.db.prepare("UPDATE shifts SET ended_at = ?, ended_by = 'volunteer' WHERE id = ?").run(this.endAt(open.startedAt), open.id);
        return this.byId(open.id);
      })
      .immediate();
  }

  /** Closing: every open shift ends now. */
  closeDay(): number {
    return this.ctx.db
      .transaction(() => {
        const open = this.ctx.db.prepare('SELECT id, started_at FROM shifts WHERE ended_at IS NULL').all() as {
          id: string;
          started_at: string;
        }[];
        const end = this.ctx.db.prepare("UPDATE shifts SET ended_at = ?, ended_by = 'closing' WHERE id = ?");
        for (const s of open) end.run(this.endAt(s.started_at), s.id);
        return open.length;
      })
      .immediate();
  }

  /** Shifts started today and any still open, open ones first. */
  today(): ShiftRow[] {
    const day = `${nowIso(this.ctx).slice(0, 10)}T00:00:00.000Z`;
    return this.ctx.db
      .prepare(`${SELECT} WHERE s.started_at >= ? OR s.ended_at IS NULL ORDER BY s.ended_at IS NOT NULL, s.started_at`)
      .all(day) as ShiftRow[];
  }

  /** The coordinator's correction; a shift that would end before it starts is refused and nothing changes. */
  correct(id: string, startedAt: string, endedAt: string): ShiftRow {
    const start = new Date(startedAt).toISOString();
    const end = new Date(endedAt).toISOString();
    if (end <= start) throw new AppError('month.shift_ends_before_start', 'the shift ends before it starts', { field: 'endedAt' });
    return this.ctx.db
      .transaction(() => {
        this.byId(id);
        this.ctx.db
          .prepare("UPDATE shifts SET started_at = ?, ended_at = ?, ended_by = 'coordinator', corrected_at = ? WHERE id = ?")
          .run(start, end, nowIso(this.ctx), id);
        return this.byId(id);
      })
      .immediate();
  }

  /** Now, or a moment after the start for a shift ended the instant it began (a shift has length). */
  private endAt(startedAt: string): string {
    const now = this.ctx.clock.now().getTime();
    return new Date(Math.max(now, Date.parse(startedAt) + 1)).toISOString();
  }
}
