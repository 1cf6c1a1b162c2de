import type { Role } from '../../shared/api/channel';
import type { Clock, Ids } from '../deps';
import { toHex } from '../../shared/text';

export interface SessionInfo {
  token: string;
  volunteerId: string;
  volunteerName: string;
  role: Role;
  /** The volunteer's PIN version when this session was opened: a new PIN ends the session. */
  pinVersion: number;
  lastSeen: number;
}

/**
 * Whether the volunteer behind a session still holds it (not removed, same role, same PIN).
 * Asked of the database on every call, so a change made at another kiosk sharing the database
 * ends the session here too, not only sessions in the process that made the change.
 */
export type SessionCheck = (session: SessionInfo) => boolean;

/** Volunteer sessions live in memory only: a restart or idle time logs everyone out. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionInfo>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly idleMs = 15 * 60_000,
    private readonly stillHolds: SessionCheck = () => true,
  ) {}

  open(volunteer: { id: string; name: string; role: Role; pinVersion: number }): SessionInfo {
    const info: SessionInfo = {
      token: toHex(this.ids.random(32)),
      volunteerId: volunteer.id,
      volunteerName: volunteer.name,
      role: volunteer.role,
      pinVersion: volunteer.pinVersion,
      lastSeen: this.clock.now().getTime(),
    };
    this.sessions.set(info.token, info);
    return info;
  }

  /** The live session for a token, refreshing its idle timer; null when unknown, idle too long or no longer held. */
  touch(token: string | null): SessionInfo | null {
    if (!token) return null;
    const info = this.sessions.get(token);
    if (!info) return null;
    const now = this.clock.now().getTime();
    if (now - info.lastSeen > this.idleMs || !this.stillHolds(info)) {
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

  /**
   * Ends every session of a volunteer whose PIN just changed, except the one that changed it
   * (it typed the new PIN a moment ago): that one carries on under the new version.
   */
  pinChanged(volunteerId: string, pinVersion: number, keep: SessionInfo | null): void {
    for (const [token, info] of this.sessions) {
      if (info.volunteerId !== volunteerId) continue;
      if (keep && token === keep.token) info.pinVersion = pinVersion;
      else this.sessions.delete(token);
    }
  }
}
