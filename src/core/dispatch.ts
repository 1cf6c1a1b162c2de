import { z } from 'zod';
import { Envelope, contract, isChannelName, type ChannelName } from '../shared/api/contract';
import type { Access } from '../shared/api/channel';
import type { ApiResult, ErrorCode, ErrorParams } from '../shared/api/errors';
import { AppError } from './errors';
import { issueReason } from './input-issue';
import type { Handler, Handlers } from './handlers';
import type { SessionStore } from './site/sessions';
import type { RequestLog } from './stations/request-log';
import type { CommitGroup } from './db/commit-group';

/** What the host, not the caller, vouches for: the paired station a call came through. */
export interface Caller {
  station?: string | null;
}

export type Dispatch = (channel: string, envelope: unknown, caller?: Caller) => Promise<ApiResult<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors go. Never to the screen: the caller sees only 'api.internal'. */
  logError?: (err: unknown, channel: string) => void;
  /** Whether this computer holds a hub yet: decides the 'setup' access kinds. */
  isSetUp?: () => boolean;
  /** Remembers answers by request id, so a retried write is applied once. */
  requests?: RequestLog;
  /** Told after every successful call (the event channel). */
  onSuccess?: (channel: string) => void;
  /** The clock the request log dates its entries with. */
  now?: () => Date;
  /**
   * Writes that commit together with the others arriving at the same moment (and with their
   * request-log entry), one sync to disk for the group. Their handlers must be synchronous.
   */
  grouped?: { commits: CommitGroup; channels: (channel: string) => boolean };
}

function fail(code: ErrorCode, message: string, params?: ErrorParams): ApiResult<never> {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}

/**
 * The one place every call goes through, whatever the transport: the channel must exist, the
 * envelope must parse, the caller must be allowed (role, or the first-run window), the input must parse, and only then
 * does the handler run. Its output is checked against the contract too.
 */
export function createDispatch(handlers: Handlers, sessions: SessionStore, options: DispatchOptions = {}): Dispatch {
  // Without a way to ask, assume a hub exists: the first-run channels stay shut.
  const isSetUp = options.isSetUp ?? (() => true);
  return async (channel, rawEnvelope, caller = {}) => {
    if (!isChannelName(channel)) return fail('api.unknown_channel', `no channel ${channel}`);
    const envelope = Envelope.safeParse(rawEnvelope);
    if (!envelope.success) return fail('api.invalid_input', 'malformed envelope');
    const def = contract[channel];
    // Who is calling is settled before the input is even read: a caller without the right role
    // learns nothing about a channel's input, and every channel answers the same way to them.
    const session = sessions.touch(envelope.data.session);
    const access: Access = def.access;
    if (access === 'setup') {
      if (isSetUp()) return fail('site.already_set_up', `${channel} is only for a computer with no hub yet`);
    } else if (access !== 'public') {
      const roles = 'setupOr' in access ? (isSetUp() ? access.setupOr : null) : access;
      if (roles) {
        if (!session) return fail('auth.required', `${channel} needs a volunteer PIN`);
        if (!roles.includes(session.role)) return fail('auth.forbidden', `${session.role} may not call ${channel}`);
      }
    }
    const input = def.input.safeParse(envelope.data.input);
    if (!input.success) {
      const first = input.error.issues[0];
      return fail('api.invalid_input', z.prettifyError(input.error), { field: first?.path.join('.') ?? '', ...issueReason(first) });
    }
    const handler = handlers[channel] as Handler<ChannelName>;
    const call = { session, station: caller.station ?? null };
    const requestId = envelope.data.requestId;
    const requests = requestId === undefined ? undefined : options.requests;
    const failed = (err: unknown): ApiResult<never> => {
      if (err instanceof AppError) return fail(err.code, err.message, err.params);
      options.logError?.(err, channel);
      return fail('api.internal', 'something went wrong');
    };
    const grouped = options.grouped?.channels(channel) ? options.grouped.commits : undefined;
    if (grouped) {
      // The handler, its output check and its request-log entry in one savepoint of the group's
      // transaction: a refusal or a bad output changes nothing, and nothing is answered before
      // the group is on disk.
      const work = (): ApiResult<unknown> => {
        const value = handler(input.data as never, call);
        if (value instanceof Promise) throw new TypeError(`${channel} is grouped but its handler is not synchronous`);
        return { ok: true, value: def.output.parse(value) };
      };
      const write = async (): Promise<ApiResult<unknown>> => {
        try {
          const { result, fresh } = await grouped.run(() =>
            requests ? requests.within(requestId!, channel, options.now?.() ?? new Date(), work) : { result: work(), fresh: true },
          );
          if (fresh && result.ok) options.onSuccess?.(channel);
          return result;
        } catch (err) {
          return failed(err);
        }
      };
      return requests ? requests.share(requestId!, write) : write();
    }
    const run = async (): Promise<ApiResult<unknown>> => {
      try {
        const value = await handler(input.data as never, call);
        const result: ApiResult<unknown> = { ok: true, value: def.output.parse(value) };
        options.onSuccess?.(channel);
        return result;
      } catch (err) {
        return failed(err);
      }
    };
    if (!requests) return run();
    return requests.once(requestId!, channel, options.now?.() ?? new Date(), run);
  };
}
