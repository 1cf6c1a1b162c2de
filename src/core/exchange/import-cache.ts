import type { KeyObject } from 'node:crypto';
import type { ImportPreview } from '../../shared/api/channels/exchange';
import type { CoreContext } from '../context';
import { parseBundle, sha256Hex, verifyRecordLine, type ParsedBundle, type RecordLine } from './format';

export interface Analysis {
  bundle: ParsedBundle;
  signerKnown: boolean;
  signerTrusted: boolean;
  signerKey: Uint8Array;
  preview: ImportPreview;
  /** `fresh`: nothing of this record is here yet, so there are no old names or barcodes to clear. */
  accepted: { rec: RecordLine; dataSha: string; data: Record<string, unknown>; fresh: boolean }[];
  /** Each site's name as stored or carried (the preview shows them labelled). */
  names: Map<string, string>;
  /** Origins whose digest here covers their records and none was refused (digests.ts marks them at apply). */
  appliedInFull: ReadonlySet<string>;
}

/**
 * What one core remembers between a preview and its apply, which read the same file moments
 * apart: record lines whose origin signature verified, per key (a verdict for a key and an exact
 * line never changes, so remembering successes is safe; bounded), the last bundle parsed, and
 * the last analysis with the database state it was made against.
 */
export class ImportCache {
  private readonly seen = new Set<string>();
  constructor(private readonly max = 200_000) {}
  key(keyTag: string, line: string): string {
    return sha256Hex(`${keyTag}\n${line}`);
  }
  /** Whether `line` carries a good signature by `key` (tagged by its SPKI's sha256), remembering successes. */
  verified(rec: RecordLine, key: KeyObject, keyTag: string): boolean {
    const k = this.key(keyTag, rec.line);
    if (this.seen.has(k)) return true;
    if (!verifyRecordLine(rec, key)) return false;
    this.add(k);
    return true;
  }
  has(k: string): boolean {
    return this.seen.has(k);
  }
  add(k: string): void {
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.add(k);
  }
  /** The last bundle parsed, by sha256: apply right after preview does not parse it again. */
  private last: ParsedBundle | null = null;
  parse(buf: Buffer, sha = sha256Hex(buf)): ParsedBundle {
    if (this.last?.sha256 === sha) return this.last;
    this.last = parseBundle(buf, sha);
    return this.last;
  }
  /**
   * The last analysis, with the database state it was made against. Deciding what a bundle
   * would do reads only the database, so while not a single row has changed (this connection's
   * total_changes and every other connection's data_version), the same bundle gets the same
   * decisions and apply need not make them again.
   */
  private lastAnalysis: { db: unknown; stamp: string; fileName: string; analysis: Analysis } | null = null;
  recall(ctx: CoreContext, bundle: ParsedBundle, fileName: string): Analysis | null {
    const l = this.lastAnalysis;
    if (!l || l.db !== ctx.db || l.fileName !== fileName || l.analysis.bundle !== bundle || l.stamp !== dbStamp(ctx)) return null;
    return l.analysis;
  }
  remember(ctx: CoreContext, stamp: string, fileName: string, analysis: Analysis): void {
    this.lastAnalysis = { db: ctx.db, stamp, fileName, analysis };
  }
}

/** Changes whenever any row of the database changes, through this connection or another. */
export function dbStamp(ctx: CoreContext): string {
  const ours = ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
  const others = ctx.db.pragma('data_version', { simple: true }) as number;
  return `${ours}/${others}`;
}
