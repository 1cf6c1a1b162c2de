import { who, type Handlers } from '../handlers';
import type { SlipService } from './slip-service';

type SlipChannel =
  'slip.lookup' | 'slip.redeem' | 'slip.void' | 'slip.reprint' | 'slip.printable' | 'slip.day' | 'slip.keys' | 'slip.rotate_key';

export function slipHandlers(slips: SlipService): Pick<Handlers, SlipChannel> {
  return {
    'slip.lookup': ({ code }) => slips.lookup(code),
    'slip.redeem': ({ slipId, table, lines }, call) => slips.redeem(slipId, table, who(call), lines),
    'slip.void': ({ slipId, reason }, call) => slips.void(slipId, reason, who(call)),
    'slip.reprint': ({ slipId }) => slips.reprint(slipId),
    'slip.printable': ({ slipId, qrDigits }, call) => slips.printableFor(slipId, qrDigits, call.session),
    'slip.day': ({ day }) => slips.day(day),
    'slip.keys': () => slips.keys(),
    'slip.rotate_key': () => slips.rotateKey(),
  };
}
