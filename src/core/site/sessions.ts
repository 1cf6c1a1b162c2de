import type { Role } from '../../shared/api/channel';
import type { Clock, Ids } from '../deps';
import { toHex } from '../../shared/text';

export interface SessionInfo {
  token: string;
  volunteerId: string;
  volunteerName: string;
  role: Role;
  lastSeen: number;
}

/** Volunteer sessions live in memory only: a restart or idle time logs everyone out. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionInfo>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly idleMs = 15 * 60_000,
  ) {}

  open(volunteer: { id: string; name: string; role: Role }): SessionInfo {
    const info: SessionInfo = {
      token: toHex(this.ids.random(32)),
      volunteerId: volunteer.id,
      volunteerName: volunteer.name,
      role: volunteer.role,
      lastSeen: this.clock.now().getTime(),
    };
    this.sessions.set(info.token, info);
    return info;
  }

  /** The live session for a token, refreshing its idle timer; null when unknown or idle too long. */
  touch(token: string | null): SessionInfo | null {
    if (!token) return null;
    const info = this.sessions.get(token);
    if (!info) return null;
    const now = this.clock.now().getTime();
    if (now - info.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    info.lastSeen = now;
    return info;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of one volunteer (removed, or given another role). */
  closeVolunteer(volunteerId: string): void {
    for (const [token, info] of this.sessions) if (info.volunteerId === volunteerId) this.sessions.delete(token);
  }
}
