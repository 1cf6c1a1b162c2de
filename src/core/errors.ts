import type { ErrorCode, ErrorParams } from '../shared/api/errors';

/** An expected failure with a code the renderer translates. Anything else is a bug. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
