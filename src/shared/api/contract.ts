import { z } from 'zod';
import type { ChannelDef } from './channel';
import { siteChannels } from './channels/site';
import { intakeChannels } from './channels/intake';
import { slipChannels } from './channels/slips';
import { volunteersChannels } from './channels/volunteers';
import { shellChannels } from './channels/shell';
import { boardChannels } from './channels/board';
import { exchangeChannels } from './channels/exchange';
import { inventoryChannels } from './channels/inventory';
import { monthChannels } from './channels/month';

/**
 * The API contract: channel name → { input, output, access }. Core implements a handler for
 * every channel (TypeScript checks completeness); both hosts loop over this object.
 * Add a feature's channels in its own file under channels/ and spread it here.
 */
export const contract = {
  ...siteChannels,
  ...intakeChannels,
  ...slipChannels,
  ...volunteersChannels,
  ...shellChannels,
  ...boardChannels,
  ...exchangeChannels,
  ...inventoryChannels,
  ...monthChannels,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

/** What every transport carries: the channel's input and, behind the PIN, a session token. */
export const Envelope = z.object({
  input: z.unknown(),
  session: z.string().max(200).nullable().default(null),
});
export type Envelope = z.input<typeof Envelope>;
