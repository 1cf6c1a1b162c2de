/**
 * A count for display in the reader's language and digits. Shown inside a <bdi>, so a negative
 * count keeps its sign before its digits in a right-to-left sentence or table ("-2", never "2-").
 */
export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}

/**
 * A change to a count (an adjustment, a count's difference): signed both ways ("+3", "-2"), zero
 * bare, as the reader's language writes a sign (with its own direction mark where it has one).
 */
export function formatChange(n: number, language: string): string {
  return new Intl.NumberFormat(language, { signDisplay: 'exceptZero' }).format(n);
}
