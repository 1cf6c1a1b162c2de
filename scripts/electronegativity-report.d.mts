export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}
export function findingsFromSarif(sarif: unknown, root: string): Finding[];
