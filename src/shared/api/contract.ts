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
import { networkChannels } from './channels/network';
import { printingChannels } from './channels/printing';
import { stationsChannels } from './channels/stations';
import { queueChannels } from './channels/queue';

type Merged<G extends readonly object[]> = (G[number] extends infer U ? (U extends unknown ? (k: U) => void : never) : never) extends (
  k: infer I,
) => void
  ? I
  : never;

/**
 * Joins the features' channel groups into one contract. A name declared in two groups is a
 * mistake (one would silently replace the other), so it stops the program at start-up.
 */
export function defineContract<G extends Record<string, ChannelDef>[]>(...groups: G): Merged<G> {
  return mergeGroups('channel', groups) as Merged<G>;
}

/** The same rule for any set of named groups (core's handler groups use it too). */
export function mergeGroups<T>(what: string, groups: readonly Record<string, T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const group of groups) {
    for (const name of Object.keys(group)) {
      if (Object.hasOwn(out, name)) throw new Error(`${what} ${name} is declared twice`);
      out[name] = group[name]!;
    }
  }
  return out;
}
import { monthChannels } from './channels/month';
import { donorsChannels } from './channels/donors';
import { weightsChannels } from './channels/weights';

/**
 * The API contract: channel name → { input, output, access }. Core implements a handler for
 * every channel (TypeScript checks completeness); both hosts loop over this object.
 * Add a feature's channels in its own file under channels/ and list it here.
 */
export const contract = defineContract(
  siteChannels,
  intakeChannels,
  slipChannels,
  volunteersChannels,
  shellChannels,
  boardChannels,
  exchangeChannels,
  inventoryChannels,
  printingChannels,
  stationsChannels,
  queueChannels,
  networkChannels,
  monthChannels,
  donorsChannels,
  weightsChannels,
);

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
  /** A write sent again (a station that lost Wi-Fi mid-call) with the same id is applied once. */
  requestId: z.string().min(8).max(64).optional(),
});
export type Envelope = z.input<typeof Envelope>;
