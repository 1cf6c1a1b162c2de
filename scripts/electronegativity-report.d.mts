export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}
export function findingsFromSarif(sarif: unknown, root: string): Finding[];
export function parseAllowList(list: unknown): AllowEntry[];
export function applyAllowList(findings: Finding[], allow: AllowEntry[]): { blocked: Finding[]; stale: AllowEntry[] };
