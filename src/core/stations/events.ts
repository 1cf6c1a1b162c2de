import type { CoreEvent } from '../../shared/api/events';

import { TOPICS_BY_CHANNEL } from '../../shared/api/events';

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
