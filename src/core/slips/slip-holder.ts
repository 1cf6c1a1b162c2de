import { timingSafeEqual } from 'node:crypto';
import type { CoreContext } from '../context';
import type { SessionInfo } from '../site/sessions';
import { PICKUP_ROLES } from '../../shared/api/channels/slips';

/**
 * Whether a caller may read a slip by its id away from the pickup table (its printable copy,
 * its queue number): a volunteer at pickup may; anyone else must hold the slip, proved by its
 * signed QR digits, which only the screen that issued it (and the paper) were given. A slip id
 * alone proves nothing: ids travel between screens. The caller who fails this is answered as if
 * the slip did not exist, so probing ids tells nothing about which are real.
 */
export function mayReadSlip(ctx: CoreContext, slipId: string, qrDigits: string | undefined, session: SessionInfo | null): boolean {
  if (session && (PICKUP_ROLES as readonly string[]).includes(session.role)) return true;
  if (qrDigits === undefined) return false;
  const row = ctx.db.prepare('SELECT payload FROM slips WHERE id = ?').get(slipId) as { payload: string } | undefined;
  if (!row) return false;
  const held = Buffer.from(qrDigits, 'utf8');
  const stored = Buffer.from(row.payload, 'utf8');
  return held.length === stored.length && timingSafeEqual(held, stored);
}
