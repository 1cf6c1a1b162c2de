import type { ChannelName, ChannelOutput, ParsedInput } from '../shared/api/contract';
import type { SessionInfo } from './site/sessions';

export interface CallContext {
  /** The volunteer session behind the PIN, or null at the public kiosk. */
  session: SessionInfo | null;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  call: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel; TypeScript refuses a core that misses one. */
export type Handlers = { [C in ChannelName]: Handler<C> };
