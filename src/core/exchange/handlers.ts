import { who, type Handlers } from '../handlers';
import type { ExchangeService } from './exchange-service';

type ExchangeChannel =
  | 'exchange.drives'
  | 'exchange.folders'
  | 'exchange.eject'
  | 'exchange.files'
  | 'exchange.card'
  | 'exchange.save_card'
  | 'exchange.sites'
  | 'exchange.add_card'
  | 'exchange.set_trust'
  | 'exchange.trust_from_bundle'
  | 'exchange.export_share'
  | 'exchange.preview'
  | 'exchange.apply'
  | 'exchange.network'
  | 'exchange.log'
  | 'exchange.export_backup'
  | 'exchange.restore_files'
  | 'exchange.restore_backup'
  | 'exchange.export_csv';

export function exchangeHandlers(exchange: ExchangeService): Pick<Handlers, ExchangeChannel> {
  return {
    'exchange.drives': () => exchange.drives(),
    'exchange.folders': ({ folder }) => exchange.folders(folder),
    'exchange.eject': ({ folder }) => exchange.eject(folder),
    'exchange.files': ({ folder }) => exchange.files(folder),
    'exchange.card': () => exchange.card(),
    'exchange.save_card': ({ folder }) => exchange.saveCard(folder),
    'exchange.sites': () => exchange.sites(),
    'exchange.add_card': (input, call) => exchange.addCard(input, who(call)),
    'exchange.set_trust': ({ siteId, trusted }, call) => exchange.setTrust(siteId, trusted, who(call)),
    'exchange.trust_from_bundle': ({ folder, name, siteId }, call) => exchange.trustFromBundle(folder, name, siteId, who(call)),
    'exchange.export_share': ({ folder }, call) => exchange.exportShare(folder, who(call)),
    'exchange.preview': ({ folder, name }) => exchange.preview(folder, name),
    'exchange.apply': ({ folder, name, sha256 }, call) => exchange.apply(folder, name, sha256, who(call)),
    'exchange.network': ({ language }) => exchange.network(language),
    'exchange.log': () => exchange.log(),
    'exchange.export_backup': ({ folder, passphrase }, call) => exchange.exportBackup(folder, passphrase, who(call)),
    'exchange.restore_files': ({ folder }) => exchange.restoreFiles(folder),
    'exchange.restore_backup': ({ folder, name, passphrase }) => exchange.restoreBackup(folder, name, passphrase),
    'exchange.export_csv': ({ folder }) => exchange.exportCsv(folder),
  };
}
