import type { Envelope } from './contract';

/**
 * `window.kiosk`, the Electron preload's bridge: the one declaration the preload implements and
 * the renderer's client calls. Answers are `unknown` on purpose: the client checks them against
 * the contract, so nothing crossing the bridge is trusted by its type alone.
 */
export interface KioskBridge {
  /** One contract call: the channel's name and its envelope (input, session, request id). */
  invoke(channel: string, envelope: Envelope): Promise<unknown>;
  /** Listens to a main-process event (core's live events); returns the way to stop. */
  on(event: string, cb: (payload: unknown) => void): () => void;
}

/** The IPC names under the bridge, shared by the preload and the main process. */
export const BRIDGE_INVOKE = 'api';
export const bridgeEvent = (event: string): string => `event:${event}`;
