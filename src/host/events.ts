import type { ServerResponse } from 'node:http';
import type { EventBus } from '../core/stations/events';
import { CORE_EVENT } from '../shared/api/events';

/** A comment line this often keeps idle connections (and the proxies of some Wi-Fi) open. */
const KEEPALIVE_MS = 20_000;

/**
 * Server-Sent Events: core's event channel, pushed to one screen. The screen reconnects by itself
 * when the stream ends (Wi-Fi lost, the hub restarted) and re-reads what it shows, so an event
 * missed while away costs nothing. `stillAllowed` is asked at every event: a station revoked
 * while listening is cut off at once.
 */
export function streamEvents(res: ServerResponse, events: EventBus, stillAllowed: () => boolean = () => true): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  // Tells the screen it is (re)connected: the moment to refresh.
  res.write(`retry: 1000\nevent: ready\ndata: {}\n\n`);
  const stop = events.subscribe((event) => {
    if (!stillAllowed()) {
      res.end();
      return;
    }
    res.write(`event: ${CORE_EVENT}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const timer = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
  timer.unref();
  res.on('close', () => {
    clearInterval(timer);
    stop();
  });
}
