import { mergeGroups, type ChannelName, type ChannelOutput, type ParsedInput } from '../shared/api/contract';
import type { SessionInfo } from './site/sessions';

export interface CallContext {
  /** The volunteer session behind the PIN, or null at the public kiosk. */
  session: SessionInfo | null;
  /**
   * The paired station the call came through, as the stations host authenticated it (never
   * from the request body), or null on the hub's own screen.
   */
  station: string | null;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel; TypeScript refuses a core that misses one. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** "Who did it" on every recorded change: the volunteer behind the PIN, or null at the public kiosk. */
export function who(call: CallContext): string | null {
  return call.session?.volunteerName ?? null;
}

type Joined<G extends readonly object[]> = (G[number] extends infer U ? (U extends unknown ? (k: U) => void : never) : never) extends (
  k: infer I,
) => void
  ? I
  : never;

/** Joins the features' handler groups; a channel handled twice stops core at start-up. */
export function joinHandlers<G extends Partial<Handlers>[]>(...groups: G): Joined<G> {
  return mergeGroups('handler for', groups as Record<string, unknown>[]) as Joined<G>;
}
