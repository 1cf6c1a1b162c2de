import { z } from 'zod';

/**
 * The one event channel of the contract: what core tells every screen after a write, so a
 * station shows a redemption at another table without reloading. Events say what changed, never
 * who: a screen that cares reads the new state through its own (role-checked) channels.
 */
export const CORE_TOPICS = ['slips', 'stock', 'queue', 'board', 'stations'] as const;
export const CoreTopic = z.enum(CORE_TOPICS);
export type CoreTopic = z.infer<typeof CoreTopic>;

export const CoreEvent = z.object({
  topic: CoreTopic,
  /** The channel whose success caused it. */
  channel: z.string(),
  at: z.string(),
});
export type CoreEvent = z.infer<typeof CoreEvent>;

/** The name the event travels under: IPC `event:core` in Electron, `event: core` in the host's stream. */
export const CORE_EVENT = 'core';
