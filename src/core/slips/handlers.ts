import type { Handlers } from '../handlers';
import type { SlipService } from './slip-service';

export function slipHandlers(slips: SlipService): Pick<Handlers, 'slip.lookup' | 'slip.redeem'> {
  return {
    'slip.lookup': ({ code }) => slips.lookup(code),
    'slip.redeem': ({ slipId, table }, { session }) => slips.redeem(slipId, table, session?.volunteerName ?? null),
  };
}
