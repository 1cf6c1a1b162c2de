import { z } from 'zod';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/api/contract';
import { ERROR_CODES, type ApiResult } from '../../shared/api/errors';
import type { Transport } from './transport';

const Failure = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});

/**
 * The renderer's only way to core. Results are checked against the contract on the way in, and
 * a transport failure becomes 'api.unreachable' rather than an exception on screen.
 */
export class ApiClient {
  private session: string | null = null;

  constructor(private readonly transport: Transport) {}

  setSession(token: string | null): void {
    this.session = token;
  }

  hasSession(): boolean {
    return this.session !== null;
  }

  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
    let raw: unknown;
    try {
      raw = await this.transport(channel, { input, session: this.session });
    } catch {
      return { ok: false, error: { code: 'api.unreachable', message: 'the kiosk service did not answer' } };
    }
    const failure = Failure.safeParse(raw);
    if (failure.success) {
      if (failure.data.error.code === 'auth.required') this.session = null;
      return failure.data as ApiResult<never>;
    }
    const success = z.object({ ok: z.literal(true), value: contract[channel].output }).safeParse(raw);
    if (!success.success) return { ok: false, error: { code: 'api.internal', message: 'unexpected answer' } };
    return { ok: true, value: success.data.value as ChannelOutput<C> };
  }
}
