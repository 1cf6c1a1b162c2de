import type { CoreEvent, CoreTopic } from '../../shared/api/events';

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

export type EventListener = (event: CoreEvent) => void;

/** Core's event channel: every host subscribes and carries events to its screens. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken screen connection must not stop the others (or the write that caused it).
      }
    }
  }

  /** After a successful call: the events it causes, if any. */
  published(channel: string, at: string): void {
    for (const topic of TOPICS_BY_CHANNEL[channel] ?? []) this.publish({ topic, channel, at });
  }

  get size(): number {
    return this.listeners.size;
  }
}
