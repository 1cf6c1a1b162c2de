import { z } from 'zod';
import { channel } from '../channel';
import { SiteStatus } from '../../domain/site';

/** A folder on this computer (a USB stick's mount point, or one the coordinator typed). */
export const FolderPath = z.string().trim().min(1).max(1024);
/** A plain file name inside that folder: never a path. Core checks again before opening it. */
export const FileName = z.string().min(1).max(255);
/** A backup passphrase: long enough that scrypt makes guessing it slow enough to be useless. */
export const Passphrase = z.string().min(1).max(1024);

export const Drive = z.object({
  name: z.string(),
  path: z.string(),
  removable: z.boolean(),
  freeBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type Drive = z.infer<typeof Drive>;

export const Folder = z.object({ name: z.string(), path: z.string() });
export type Folder = z.infer<typeof Folder>;

export const WrittenFile = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  /** Read back from the stick and compared: it is safe to pull it out. */
  verified: z.boolean(),
});
export type WrittenFile = z.infer<typeof WrittenFile>;

export const BundleFile = z.object({
  name: z.string(),
  kind: z.enum(['share', 'backup', 'card']),
  bytes: z.number().int().nonnegative(),
  modifiedAt: z.string(),
});
export type BundleFile = z.infer<typeof BundleFile>;

export const KnownSite = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  trusted: z.boolean(),
  trustedAt: z.string().nullable(),
  lastSequence: z.number().int(),
});
export type KnownSite = z.infer<typeof KnownSite>;

export const SiteCard = z.object({
  siteId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  /** The card file's text (JSON). */
  text: z.string(),
  /** The same card as digits for a numeric QR code (scanners type digits on every layout). */
  digits: z.string(),
});
export type SiteCard = z.infer<typeof SiteCard>;

export const RECORD_TYPES = ['category', 'item', 'need_offer', 'board', 'weekly'] as const;
export const RecordType = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordType>;

export const PreviewSite = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string().nullable(),
  /** self: this hub; trusted / untrusted: known; unknown: first time seen (card in the bundle or not). */
  status: z.enum(['self', 'trusted', 'untrusted', 'unknown']),
  signer: z.boolean(),
  records: z.number().int(),
});
export type PreviewSite = z.infer<typeof PreviewSite>;

export const TypeCounts = z.object({
  type: RecordType,
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type TypeCounts = z.infer<typeof TypeCounts>;

export const RejectReason = z.enum(['unknown_site', 'untrusted_site', 'bad_signature', 'id_conflict', 'invalid']);
export type RejectReason = z.infer<typeof RejectReason>;

export const ImportPreview = z.object({
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  signer: z.object({
    id: z.string(),
    name: z.string(),
    fingerprint: z.string(),
    /** A known hub that calls itself by another name in this bundle: the name it will go by once applied. */
    newName: z.string().optional(),
  }),
  sequence: z.number().int(),
  created: z.string(),
  sites: z.array(PreviewSite),
  counts: z.array(TypeCounts),
  rejected: z.array(
    z.object({
      type: RecordType,
      id: z.string(),
      site: z.string(),
      reason: RejectReason,
      /** For 'invalid': the field that is not what the record type allows ("createdAt", "items.3.unit"). */
      field: z.string().optional(),
    }),
  ),
  /** False until a coordinator trusts the site that signed the bundle. */
  canApply: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportLogEntry = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  sequence: z.number().int(),
  at: z.string(),
  counts: z.array(TypeCounts),
  /** Which sites the applied records came from, and how many from each. */
  origins: z.array(z.object({ id: z.string(), name: z.string(), records: z.number().int() })),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntry>;

/** What another hub said it has spare and needs, and its latest weekly totals, from its signed records. */
export const NetworkSite = z.object({
  id: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  spare: z.array(z.object({ itemId: z.string(), name: z.string(), qty: z.number().int(), unit: z.string() })),
  needed: z.array(z.object({ itemId: z.string(), name: z.string(), qty: z.number().int(), unit: z.string() })),
  week: z.object({ week: z.string(), households: z.number().int(), visits: z.number().int() }).nullable(),
});
export type NetworkSite = z.infer<typeof NetworkSite>;

const Where = z.object({ folder: FolderPath, name: FileName });

export const exchangeChannels = {
  /** Open before setup so the first-run screen can offer a restore; a coordinator's once the hub is set up. */
  'exchange.drives': channel({ input: z.object({}), output: z.array(Drive), access: { setupOr: ['coordinator'] } }),
  /** The folders inside a folder, so a coordinator taps down to one instead of typing its path (and, before setup, whoever restores a backup). */
  'exchange.folders': channel({ input: z.object({ folder: FolderPath }), output: z.array(Folder), access: { setupOr: ['coordinator'] } }),
  /** Ejects a listed removable drive after writing; a typed folder that is not a drive is left alone. */
  'exchange.eject': channel({
    input: z.object({ folder: FolderPath }),
    output: z.object({ ejected: z.boolean() }),
    access: ['coordinator'],
  }),
  'exchange.files': channel({ input: z.object({ folder: FolderPath }), output: z.array(BundleFile), access: ['coordinator'] }),
  'exchange.card': channel({ input: z.object({}), output: SiteCard, access: ['coordinator'] }),
  'exchange.save_card': channel({ input: z.object({ folder: FolderPath }), output: WrittenFile, access: ['coordinator'] }),
  'exchange.sites': channel({ input: z.object({}), output: z.array(KnownSite), access: ['coordinator'] }),
  /** A card typed/scanned (digits or the file's text) or read from a file: the coordinator chose it, so it is trusted. */
  'exchange.add_card': channel({
    input: z.union([z.object({ code: z.string().trim().min(1).max(4000) }), Where]),
    output: KnownSite,
    access: ['coordinator'],
  }),
  'exchange.set_trust': channel({
    input: z.object({ siteId: z.string().min(1).max(100), trusted: z.boolean() }),
    output: KnownSite,
    access: ['coordinator'],
  }),
  /** Trust a site seen first in a bundle (the coordinator compared the fingerprint with its card). */
  'exchange.trust_from_bundle': channel({
    input: Where.extend({ siteId: z.string().min(1).max(100) }),
    output: KnownSite,
    access: ['coordinator'],
  }),
  'exchange.export_share': channel({ input: z.object({ folder: FolderPath }), output: WrittenFile, access: ['coordinator'] }),
  'exchange.preview': channel({ input: Where, output: ImportPreview, access: ['coordinator'] }),
  /** Applies exactly the bundle that was previewed (same sha256), in one transaction. */
  'exchange.apply': channel({
    input: Where.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: ImportLogEntry,
    access: ['coordinator'],
  }),
  'exchange.network': channel({
    input: z.object({ language: z.string().min(2).max(20) }),
    output: z.array(NetworkSite),
    access: ['coordinator', 'stock'],
  }),
  'exchange.log': channel({ input: z.object({}), output: z.array(ImportLogEntry), access: ['coordinator'] }),
  'exchange.export_backup': channel({
    input: z.object({ folder: FolderPath, passphrase: Passphrase }),
    output: WrittenFile,
    access: ['coordinator'],
  }),
  /** Only on a new, empty install (first-run screen): a running hub is never overwritten. */
  'exchange.restore_files': channel({ input: z.object({ folder: FolderPath }), output: z.array(BundleFile), access: 'setup' }),
  'exchange.restore_backup': channel({ input: Where.extend({ passphrase: Passphrase }), output: SiteStatus, access: 'setup' }),
  'exchange.export_csv': channel({ input: z.object({ folder: FolderPath }), output: z.array(WrittenFile), access: ['coordinator'] }),
};

export const EXCHANGE_ERRORS = [
  'exchange.folder_missing',
  'exchange.bad_name',
  'exchange.not_found',
  'exchange.no_card_in_bundle',
  'exchange.too_large',
  /** A share file this hub would write is larger than any hub accepts: refused before writing. */
  'exchange.export_too_large',
  'exchange.truncated',
  'exchange.not_a_bundle',
  'exchange.bad_version',
  'exchange.checksum',
  'exchange.bad_signature',
  'exchange.key_changed',
  'exchange.unknown_site',
  'exchange.untrusted_site',
  'exchange.malformed',
  'exchange.duplicate',
  'exchange.from_future',
  'exchange.own_bundle',
  'exchange.changed',
  'exchange.nearly_full',
  'exchange.disk_full',
  'exchange.write_failed',
  'exchange.verify_failed',
  /** Another kiosk saved a file of the same name on the stick at the same moment; its file was left alone. */
  'exchange.write_clash',
  'exchange.bad_card',
  'exchange.weak_passphrase',
  'exchange.bad_passphrase',
  'exchange.not_a_backup',
  'exchange.restore_not_empty',
  'exchange.not_a_file',
  'exchange.backup_too_large',
  'exchange.backup_version',
  'exchange.backup_cipher',
  'exchange.backup_kdf',
  'exchange.backup_salt',
  'exchange.backup_iv',
  'exchange.backup_compression',
  'exchange.backup_damaged',
] as const;
