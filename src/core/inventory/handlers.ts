import { who, type Handlers } from '../handlers';
import type { CatalogueService } from './catalogue-service';
import type { CountService } from './count-service';
import type { StockService } from './stock-service';

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
export function inventoryHandlers(
  catalogue: CatalogueService,
  stock: StockService,
  counts: CountService,
): Pick<Handlers, InventoryChannel> {
  return {
    'inventory.categories': ({ language }) => catalogue.categories(language),
    'inventory.item': ({ itemId, language }) => catalogue.item(itemId, language),
    'inventory.save_item': ({ item, language }) => catalogue.saveItem(item, language),
    'inventory.scan': ({ barcode, language }) => catalogue.scan(barcode, language),
    'inventory.search': ({ query, language, limit }) => stock.search(query, language, limit),
    'inventory.receive': (input, call) => stock.receive(input, who(call)),
    'inventory.adjust': (input, call) => stock.adjust(input, who(call)),
    'inventory.stock': (query) => stock.stock(query),
    'inventory.history': ({ itemId, limit, before }) => stock.history(itemId, limit, before),
    'inventory.count_review': ({ language, lines }) => counts.countReview(language, lines),
    'inventory.count_confirm': ({ requestId, language, lines, note }, call) =>
      counts.countConfirm(requestId, language, lines, note, who(call)),
    'inventory.export_csv': () => catalogue.exportCsv(),
    'inventory.import_csv': ({ csv, mode }) => catalogue.importCsv(csv, mode),
  };
}
