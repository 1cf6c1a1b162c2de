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

/**
 * Which successful calls change what other screens show. Only writes are listed: a read tells no
 * one anything. One table, so a new write channel is one line here.
 */
export const TOPICS_BY_CHANNEL: Readonly<Record<string, readonly CoreTopic[]>> = {
  'intake.submit': ['slips', 'queue', 'stock'],
  'slip.redeem': ['slips', 'queue', 'stock'],
  'slip.void': ['slips', 'queue'],
  'inventory.receive': ['stock'],
  'inventory.adjust': ['stock'],
  'inventory.count_confirm': ['stock'],
  'inventory.save_item': ['stock'],
  'inventory.import_csv': ['stock'],
  'board.add': ['board'],
  'board.renew': ['board'],
  'board.withdraw': ['board'],
  'board.propose': ['board'],
  'board.advance': ['board'],
  'queue.set_mode': ['queue'],
  'queue.open': ['queue'],
  'queue.call_next': ['queue'],
  'queue.recall': ['queue'],
  'stations.configure': ['stations'],
  'stations.invite': ['stations'],
  'stations.revoke': ['stations'],
};

/** A write that others see: it carries a request id, so a retry after lost Wi-Fi is applied once. */
export function isSharedWrite(channel: string): boolean {
  return Object.hasOwn(TOPICS_BY_CHANNEL, channel);
}
