import { CORE_EVENT, CoreEvent } from './events';

/** What one block of the hub's event stream says: an event, "(re)connected", or nothing we know. */
export type StreamMessage = CoreEvent | 'ready';

/**
 * Reads the complete blocks of a Server-Sent Events buffer (host/events.ts writes them) and gives
 * back what is left for the next chunk. Used by the page (renderer/api/live.tsx) and by an app
 * station relaying the hub's stream (host/station-client.ts), so both read the stream one way.
 * A torn or foreign block is skipped: the next 'ready' re-reads everything anyway.
 */
export function readEventBlocks(buffer: string): { messages: StreamMessage[]; rest: string } {
  const messages: StreamMessage[] = [];
  let rest = buffer;
  let cut: number;
  while ((cut = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, cut);
    rest = rest.slice(cut + 2);
    const name = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (name === 'ready') messages.push('ready');
    if (name === CORE_EVENT && data) {
      try {
        const event = CoreEvent.safeParse(JSON.parse(data));
        if (event.success) messages.push(event.data);
      } catch {
        // Not JSON: skipped.
      }
    }
  }
  return { messages, rest };
}
