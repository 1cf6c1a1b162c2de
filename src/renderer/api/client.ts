import { z } from 'zod';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/api/contract';
import { ApiErrorSchema, type ApiResult } from '../../shared/api/errors';
import type { Transport } from './transport';
import { isSharedWrite } from '../../shared/api/events';

/** Waits between tries of a call whose answer was lost (Wi-Fi gone at a station). */
const RETRY_MS = [400, 1200, 2500];

function requestId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const Failure = z.object({
  ok: z.literal(false),
  error: ApiErrorSchema,
});

/**
 * The renderer's only way to core. Results are checked against the contract on the way in, and
 * a transport failure becomes 'api.unreachable' rather than an exception on screen.
 */
export class ApiClient {
  private session: string | null = null;
  private readonly offlineListeners = new Set<(offline: boolean) => void>();
  private readonly unpairedListeners = new Set<() => void>();

  constructor(
    private readonly transport: Transport,
    private readonly wait: (ms: number) => Promise<unknown> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Told when calls stop reaching the hub and when they reach it again. */
  onOffline(listener: (offline: boolean) => void): () => void {
    this.offlineListeners.add(listener);
    return () => this.offlineListeners.delete(listener);
  }

  private setOffline(offline: boolean): void {
    for (const l of this.offlineListeners) l(offline);
  }

  /** Told when the hub no longer knows this station (revoked): the screen to show is pairing. */
  onUnpaired(listener: () => void): () => void {
    this.unpairedListeners.add(listener);
    return () => this.unpairedListeners.delete(listener);
  }

  setSession(token: string | null): void {
    this.session = token;
  }

  hasSession(): boolean {
    return this.session !== null;
  }

  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
    let raw: unknown;
    // A write others see carries a request id: sent again after a lost answer, it is applied once.
    const envelope = { input, session: this.session, ...(isSharedWrite(channel) ? { requestId: requestId() } : {}) };
    for (let attempt = 0; ; attempt += 1) {
      try {
        raw = await this.transport(channel, envelope);
        if (attempt > 0) this.setOffline(false);
        break;
      } catch {
        const delay = RETRY_MS[attempt];
        if (delay === undefined) return { ok: false, error: { code: 'api.unreachable', message: 'the kiosk service did not answer' } };
        this.setOffline(true);
        await this.wait(delay);
      }
    }
    const failure = Failure.safeParse(raw);
    if (failure.success) {
      if (failure.data.error.code === 'auth.required') this.session = null;
      if (failure.data.error.code === 'stations.revoked') for (const l of this.unpairedListeners) l();
      return failure.data as ApiResult<never>;
    }
    const success = z.object({ ok: z.literal(true), value: contract[channel].output }).safeParse(raw);
    if (!success.success) return { ok: false, error: { code: 'api.internal', message: 'unexpected answer' } };
    return { ok: true, value: success.data.value as ChannelOutput<C> };
  }
}
