import type { Handlers } from '../handlers';
import type { CoreContext } from '../context';
import type { InventoryService } from './inventory-service';
import { exportCatalogue, importCatalogue } from './catalogue-csv';

type InventoryChannel =
  | 'inventory.categories'
  | 'inventory.item'
  | 'inventory.save_item'
  | 'inventory.scan'
  | 'inventory.search'
  | 'inventory.receive'
  | 'inventory.adjust'
  | 'inventory.stock'
  | 'inventory.history'
  | 'inventory.count_review'
  | 'inventory.count_confirm'
  | 'inventory.export_csv'
  | 'inventory.import_csv';

/** "Who did it" on every movement is the volunteer behind the PIN, taken from the session. */
export function inventoryHandlers(ctx: CoreContext, inventory: InventoryService): Pick<Handlers, InventoryChannel> {
  return {
    'inventory.categories': ({ language }) => inventory.categories(language),
    'inventory.item': ({ itemId, language }) => inventory.item(itemId, language),
    'inventory.save_item': ({ item, language }) => inventory.saveItem(item, language),
    'inventory.scan': ({ barcode, language }) => inventory.scan(barcode, language),
    'inventory.search': ({ query, language, limit }) => inventory.search(query, language, limit),
    'inventory.receive': (input, call) => inventory.receive(input, call.session?.volunteerName ?? null),
    'inventory.adjust': (input, call) => inventory.adjust(input, call.session?.volunteerName ?? null),
    'inventory.stock': (query) => inventory.stock(query),
    'inventory.history': ({ itemId, limit, before }) => inventory.history(itemId, limit, before),
    'inventory.count_review': ({ language, lines }) => inventory.countReview(language, lines),
    'inventory.count_confirm': ({ requestId, language, lines, note }, call) =>
      inventory.countConfirm(requestId, language, lines, note, call.session?.volunteerName ?? null),
    'inventory.export_csv': () => ({ csv: exportCatalogue(ctx) }),
    'inventory.import_csv': ({ csv, mode }) => importCatalogue(ctx, inventory, csv, mode),
  };
}
