import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHARE_EXTENSION } from './format';

/**
 * Which files in the exchange folder look finished. Syncthing writes a file it is receiving
 * under a temporary name (".syncthing.NAME.tmp", "~syncthing~NAME.tmp" on Windows) and renames
 * it at the end; our own exports go to a hidden ".part" name first (atomic-write.ts). Neither
 * is ever looked at. A share bundle is offered only once its size and modification time are the
 * same on two looks in a row (something copied in by hand may still be growing), and even then
 * it is parsed and verified before anything of it is used (network-sync.ts).
 */
export function isCandidateName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~')) return false;
  if (name.endsWith('.tmp') || name.endsWith('.part')) return false;
  return name.endsWith(SHARE_EXTENSION);
}

interface Seen {
  size: number;
  mtimeMs: number;
}

export class StableFiles {
  private last = new Map<string, Seen>();

  /** The bundles in `folder` unchanged since the previous look (the first look offers none). */
  look(folder: string): ({ name: string } & Seen)[] {
    const now = new Map<string, Seen>();
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      names = [];
    }
    for (const name of names) {
      if (!isCandidateName(name)) continue;
      try {
        const st = statSync(join(folder, name));
        if (st.isFile() && st.size > 0) now.set(name, { size: st.size, mtimeMs: st.mtimeMs });
      } catch {
        // gone between readdir and stat (Syncthing replaced it): seen again next time
      }
    }
    const stable = [...now].filter(([name, s]) => {
      const before = this.last.get(name);
      return before !== undefined && before.size === s.size && before.mtimeMs === s.mtimeMs;
    });
    this.last = now;
    return stable.map(([name, st]) => ({ name, ...st })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
