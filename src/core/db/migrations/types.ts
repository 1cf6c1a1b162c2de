export interface Migration {
  /** Numbered in tens; applied in order, each once, tracked by PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
}
