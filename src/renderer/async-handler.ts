/**
 * React ignores what an event handler returns, so the rejection of an async handler would go
 * nowhere (lint: no-misused-promises). Wrapped, the handler runs exactly as before and an
 * unexpected failure is reported like any uncaught error instead of being lost. Expected
 * failures are Results, which the handler shows itself.
 */
export function asyncHandler<A extends unknown[]>(handler: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args) => {
    handler(...args).catch((err: unknown) => reportError(err));
  };
}
