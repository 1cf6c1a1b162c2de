import type { z } from 'zod';

/** Who may call a channel. Roles are checked in core, never only hidden in the UI. */
export type Role = 'intake' | 'stock' | 'coordinator';
export type Access = 'public' | readonly Role[];

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
