import type { z } from 'zod';

/** Who may call a channel. Roles are checked in core, never only hidden in the UI. */
export type Role = 'intake' | 'stock' | 'coordinator';

/**
 * - 'public': anyone at the kiosk, at any time.
 * - 'setup': anyone, but only while the computer holds no hub yet (first run: set up or restore);
 *   once a site exists the channel is closed, whoever calls.
 * - roles: a volunteer session holding one of them.
 * - { setupOr: roles }: anyone before setup, afterwards only those roles.
 * Dispatch checks all of these before a handler runs; no handler hides its own check.
 */
export type Access = 'public' | 'setup' | readonly Role[] | { readonly setupOr: readonly Role[] };

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

/** Declares a channel while keeping its exact schema types. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

export const ANY_VOLUNTEER: readonly Role[] = ['intake', 'stock', 'coordinator'];
