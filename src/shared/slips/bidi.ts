/**
 * Wraps a left-to-right token (an ISO date, a code) in Unicode isolates so an Arabic, Dari or
 * Urdu sentence around it does not reorder its digits ("2026-12-05" must not read "05-12-2026").
 */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}

/**
 * Wraps a name of either direction (a hub called "Eastside" or "مركز الحي") in a first-strong
 * isolate, so it neither takes on nor reorders the sentence around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
