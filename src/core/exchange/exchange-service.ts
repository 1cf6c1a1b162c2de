import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleFile } from '../../shared/api/channels/exchange';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { readRegularFile, UnreadableFile } from '../files/read-regular';
import { requireFolder, safeFileName, writeAtomic, type WriteHooks } from './atomic-write';
import { exportBackup, restoreBackup } from './backup';
import { exportCsv } from './csv';
import type { DriveSource } from './drives';
import { BACKUP_EXTENSION, CARD_EXTENSION, SHARE_EXTENSION } from './format';
import { networkBoard } from './network';
import { ImportCache } from './import-cache';
import { importLog } from './import-log';
import { bundleFileName, exportShare } from './share-export';
import { applyBundle, cardFromBundle, previewBundle } from './share-import';
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

/** Most folders a chooser lists: a stick's top level is short; a home folder need not be listed whole. */
const MAX_FOLDERS = 200;

/** The visible folders inside `folder`, by name. */
export function listFolders(folder: string): { name: string; path: string }[] {
  requireFolder(folder);
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, MAX_FOLDERS)
    .map((name) => ({ name, path: join(folder, name) }));
}

type CardSource = { code: string } | { folder: string; name: string };

/**
 * Sharing with other hubs and keeping this one safe: drives, site cards and trust, share
 * bundles out and in, the network board, backups and restore, and the CSV export.
 */
export class ExchangeService {
  private readonly importCache = new ImportCache();

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: ExchangeDeps,
  ) {}

  // Who may look (anyone before setup, a coordinator after) is the contract's access, checked in dispatch.
  drives() {
    return this.deps.drives.list();
  }

  folders(folder: string): { name: string; path: string }[] {
    return listFolders(folder);
  }

  async eject(folder: string): Promise<{ ejected: boolean }> {
    // Only a drive the system listed as removable: never unmount whatever a typed path sits on.
    const drive = (await this.deps.drives.list()).find((d) => d.path === folder && d.removable);
    return { ejected: drive && this.deps.drives.eject ? await this.deps.drives.eject(drive.path) : false };
  }

  files(folder: string): BundleFile[] {
    return listFiles(folder);
  }

  card() {
    return ownCard(this.ctx);
  }

  saveCard(folder: string) {
    const card = ownCard(this.ctx);
    return writeAtomic(
      this.deps.drives,
      folder,
      bundleFileName(card.name, this.ctx.clock.now(), 0, CARD_EXTENSION).replace(/-\d{4}-\d{2}-\d{2}-0000/, ''),
      {
        buffer: Buffer.from(card.text),
      },
    );
  }

  sites() {
    return listKnownSites(this.ctx);
  }

  async addCard(input: CardSource, by: string | null) {
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
    return this.ctx.db.transaction(() => rememberSite(this.ctx, card, { trusted: true, by })).immediate();
  }

  async setTrust(siteId: string, trusted: boolean, by: string | null) {
    const site = setTrust(this.ctx, siteId, trusted, by);
    await this.deps.trustChanged?.(siteId);
    return site;
  }

  trustFromBundle(folder: string, name: string, siteId: string, by: string | null) {
    const card = cardFromBundle(this.ctx, folder, name, siteId);
    return this.ctx.db.transaction(() => rememberSite(this.ctx, card, { trusted: true, by })).immediate();
  }

  exportShare(folder: string, by: string | null) {
    return exportShare(this.ctx, this.deps.drives, folder, by, this.deps.writeHooks);
  }

  preview(folder: string, name: string) {
    return previewBundle(this.ctx, folder, name, this.importCache);
  }

  apply(folder: string, name: string, sha256: string, by: string | null) {
    return applyBundle(this.ctx, folder, name, sha256, by, this.importCache);
  }

  network(language: string) {
    return networkBoard(this.ctx, language);
  }

  log() {
    return importLog(this.ctx);
  }

  exportBackup(folder: string, passphrase: string, by: string | null) {
    return exportBackup(this.ctx, this.deps.drives, folder, passphrase, by, this.deps.writeHooks);
  }

  /** Backups to restore from: only before setup ('setup' access, checked in dispatch). */
  restoreFiles(folder: string): BundleFile[] {
    return listFiles(folder).filter((f) => f.kind === 'backup');
  }

  restoreBackup(folder: string, name: string, passphrase: string) {
    return restoreBackup(this.ctx, folder, name, passphrase);
  }

  exportCsv(folder: string) {
    return exportCsv(this.ctx, this.deps.drives, folder, this.deps.writeHooks);
  }
}
