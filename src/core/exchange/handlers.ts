import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleFile } from '../../shared/api/channels/exchange';
import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { AppError } from '../errors';
import { readRegularFile, UnreadableFile } from '../files/read-regular';
import { requireFolder, safeFileName, writeAtomic, type WriteHooks } from './atomic-write';
import { exportBackup, restoreBackup } from './backup';
import { exportCsv } from './csv';
import type { DriveSource } from './drives';
import { BACKUP_EXTENSION, CARD_EXTENSION, SHARE_EXTENSION } from './format';
import { ImportCache, applyBundle, bundleFileName, cardFromBundle, exportShare, importLog, previewBundle } from './share';
import { readSite } from '../site/site-service';
import { networkBoard } from './network';
import { listKnownSites, ownCard, parseCardCode, rememberSite, setTrust } from './sites';

export interface ExchangeDeps {
  drives: DriveSource;
  /** Test hook for the "stick pulled out mid-write" case. */
  writeHooks?: WriteHooks;
  /** A hub's trust changed: sharing over the network follows it (network-sync.ts). */
  trustChanged?: (siteId: string) => Promise<void>;
}

/** A card is a few hundred bytes; anything this big is not one. */
const CARD_MAX_BYTES = 16_384;

const KINDS: [string, BundleFile['kind']][] = [
  [SHARE_EXTENSION, 'share'],
  [BACKUP_EXTENSION, 'backup'],
  [CARD_EXTENSION, 'card'],
];

/** The bundles, backups and cards in a folder, newest first. Hidden and half-written files are not listed. */
export function listFiles(folder: string): BundleFile[] {
  requireFolder(folder);
  const out: BundleFile[] = [];
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.')) continue;
    const kind = KINDS.find(([ext]) => name.endsWith(ext))?.[1];
    if (!kind) continue;
    try {
      const st = statSync(join(folder, name));
      if (st.isFile()) out.push({ name, kind, bytes: st.size, modifiedAt: st.mtime.toISOString() });
    } catch {
      // vanished between readdir and stat
    }
  }
  return out.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
}

type ExchangeChannel =
  | 'exchange.drives'
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

export function exchangeHandlers(ctx: CoreContext, deps: ExchangeDeps): Pick<Handlers, ExchangeChannel> {
  const importCache = new ImportCache();
  const who = (call: { session: { volunteerName: string } | null }) => call.session?.volunteerName ?? null;
  return {
    'exchange.drives': (_input, call) => {
      // Before setup (restoring a backup) anyone at the machine may look; afterwards only a coordinator.
      if (readSite(ctx) && call.session?.role !== 'coordinator') {
        throw new AppError(call.session ? 'auth.forbidden' : 'auth.required', 'listing drives needs a coordinator');
      }
      return deps.drives.list();
    },
    'exchange.eject': async ({ folder }) => {
      // Only a drive the system listed as removable: never unmount whatever a typed path sits on.
      const drive = (await deps.drives.list()).find((d) => d.path === folder && d.removable);
      return { ejected: drive && deps.drives.eject ? await deps.drives.eject(drive.path) : false };
    },
    'exchange.files': ({ folder }) => listFiles(folder),
    'exchange.card': () => ownCard(ctx),
    'exchange.save_card': ({ folder }) => {
      const card = ownCard(ctx);
      return writeAtomic(deps.drives, folder, bundleFileName(card.name, ctx.clock.now(), 0, CARD_EXTENSION).replace(/-\d{4}-\d{2}-\d{2}-0000/, ''), {
        buffer: Buffer.from(card.text),
      });
    },
    'exchange.sites': () => listKnownSites(ctx),
    'exchange.add_card': async (input, call) => {
      let code: string;
      if ('code' in input) code = input.code;
      else {
        safeFileName(input.name);
        requireFolder(input.folder);
        try {
          // A regular file only, never waited on: a FIFO named like a card must not freeze the kiosk.
          code = (await readRegularFile(join(input.folder, input.name), CARD_MAX_BYTES)).toString('utf8');
        } catch (err) {
          if (!(err instanceof UnreadableFile)) throw err;
          if (err.reason === 'too_large') throw new AppError('exchange.bad_card', 'too large for a card');
          if (err.reason === 'not_a_file') throw new AppError('exchange.not_a_file', err.message, { name: input.name });
          throw new AppError('exchange.not_found', `no file ${input.name}`, { name: input.name });
        }
      }
      const card = parseCardCode(code);
      return ctx.db.transaction(() => rememberSite(ctx, card, { trusted: true, by: who(call) })).immediate();
    },
    'exchange.set_trust': async ({ siteId, trusted }, call) => {
      const site = setTrust(ctx, siteId, trusted, who(call));
      await deps.trustChanged?.(siteId);
      return site;
    },
    'exchange.trust_from_bundle': ({ folder, name, siteId }, call) => {
      const card = cardFromBundle(ctx, folder, name, siteId);
      return ctx.db.transaction(() => rememberSite(ctx, card, { trusted: true, by: who(call) })).immediate();
    },
    'exchange.export_share': ({ folder }, call) => exportShare(ctx, deps.drives, folder, who(call), deps.writeHooks),
    'exchange.preview': ({ folder, name }) => previewBundle(ctx, folder, name, importCache),
    'exchange.apply': ({ folder, name, sha256 }, call) => applyBundle(ctx, folder, name, sha256, who(call), importCache),
    'exchange.network': ({ language }) => networkBoard(ctx, language),
    'exchange.log': () => importLog(ctx),
    'exchange.export_backup': ({ folder, passphrase }, call) => exportBackup(ctx, deps.drives, folder, passphrase, who(call), deps.writeHooks),
    'exchange.restore_files': ({ folder }) => {
      if (readSite(ctx)) throw new AppError('exchange.restore_not_empty', 'this kiosk already has a hub on it');
      return listFiles(folder).filter((f) => f.kind === 'backup');
    },
    'exchange.restore_backup': ({ folder, name, passphrase }) => restoreBackup(ctx, folder, name, passphrase),
    'exchange.export_csv': ({ folder }) => exportCsv(ctx, deps.drives, folder, deps.writeHooks),
  };
}
