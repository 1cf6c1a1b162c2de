/** A fresh id per form submission, so a double tap or a retry records once. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
