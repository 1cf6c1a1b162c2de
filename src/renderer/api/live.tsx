import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { CORE_EVENT, CoreEvent, type CoreTopic } from '../../shared/api/events';
import { readEventBlocks } from '../../shared/api/sse';
import type { KioskBridge } from '../../shared/api/bridge';
import { TOKEN_HEADER, pageToken } from './transport';

type Listener = (event: CoreEvent | 'ready') => void;
/** Starts listening; returns a stop function. 'ready' means (re)connected: time to re-read. */
export type EventSource = (listener: Listener) => () => void;

/** Electron: core's events over IPC, through the preload's `on`. */
export function ipcEvents(bridge: KioskBridge): EventSource {
  return (listener) =>
    bridge.on(CORE_EVENT, (payload) => {
      const event = CoreEvent.safeParse(payload);
      if (event.success) listener(event.data);
    });
}

/**
 * The hub's Server-Sent Events, read with fetch so the loopback token can go in a header (a
 * station's cookie goes by itself). When the stream ends (Wi-Fi lost, the hub restarted) it
 * reconnects by itself, waiting a little longer each time, and says 'ready' once back.
 */
export function httpEvents(token: string, base = '', wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): EventSource {
  return (listener) => {
    let stopped = false;
    const abort = new AbortController();
    void (async () => {
      let delay = 500;
      while (!stopped) {
        try {
          const res = await fetch(`${base}/api/events`, { headers: token ? { [TOKEN_HEADER]: token } : {}, signal: abort.signal });
          if (res.ok && res.body) {
            delay = 500;
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const read = readEventBlocks(buffer + value);
              buffer = read.rest;
              for (const message of read.messages) listener(message);
            }
          }
        } catch {
          // Offline or aborted: try again below unless stopped.
        }
        if (stopped) return;
        await wait(delay);
        delay = Math.min(delay * 2, 5000);
      }
    })();
    return () => {
      stopped = true;
      abort.abort();
    };
  };
}

export function detectEvents(win: Window & { kiosk?: KioskBridge }, doc: Document): EventSource {
  if (win.kiosk) return ipcEvents(win.kiosk);
  return httpEvents(pageToken(doc));
}

/** One connection per page, shared by every screen that listens. */
class LiveHub {
  private readonly listeners = new Set<Listener>();
  private stop: (() => void) | null = null;

  constructor(private readonly source: EventSource) {}

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    this.stop ??= this.source((e) => {
      for (const l of this.listeners) l(e);
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  }
}

const LiveContext = createContext<LiveHub | null>(null);

export function LiveProvider({ source, children }: { source: EventSource; children: ReactNode }) {
  const hub = useRef<LiveHub | null>(null);
  hub.current ??= new LiveHub(source);
  return <LiveContext.Provider value={hub.current}>{children}</LiveContext.Provider>;
}

const noListening = (): (() => void) => () => undefined;

/**
 * Listening to the page's one connection (the query cache does, to invalidate by topic).
 * Outside a provider it hears nothing.
 */
export function useLiveEvents(): (listener: Listener) => () => void {
  const hub = useContext(LiveContext);
  return useMemo(() => (hub ? (listener: Listener) => hub.add(listener) : noListening), [hub]);
}

/**
 * Screens that load through `useApiQuery` pass `live: [topic]` instead of this.
 * Calls `refresh` when another screen changed one of `topics` (and after a reconnect), so a
 * redemption at one table shows at the other without reloading. Outside a provider: nothing.
 */
export function useLive(topics: readonly CoreTopic[], refresh: () => void): void {
  const hub = useContext(LiveContext);
  const latest = useRef(refresh);
  latest.current = refresh;
  // A stable key for the effect below (not a list shown to anyone).
  const key = JSON.stringify(topics);
  useEffect(() => {
    if (!hub) return;
    const wanted = new Set(JSON.parse(key) as string[]);
    return hub.add((e) => {
      if (e === 'ready' || wanted.has(e.topic)) latest.current();
    });
  }, [hub, key]);
}
