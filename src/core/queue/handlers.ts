import type { Handlers } from '../handlers';
import type { QueueService } from './queue-service';

export function queueHandlers(
  queue: QueueService,
): Pick<Handlers, 'queue.now_serving' | 'queue.ticket' | 'queue.set_mode' | 'queue.open' | 'queue.call_next' | 'queue.recall'> {
  return {
    'queue.now_serving': () => queue.nowServing(),
    'queue.ticket': ({ slipId, qrDigits }, call) => queue.ticket(slipId, qrDigits, call.session),
    'queue.set_mode': ({ mode }) => queue.setMode(mode),
    'queue.open': () => queue.open(),
    'queue.call_next': ({ table }) => queue.callNext(table),
    'queue.recall': ({ number, table }) => queue.recall(number, table),
  };
}
