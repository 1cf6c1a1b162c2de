import type { z } from 'zod';
import type { ErrorParams } from '../shared/api/errors';

/**
 * Why one input field was refused, as a small stable word the renderer translates ("too_small"
 * with its limit), not zod's English sentence: a volunteer reads "Counted: cannot be below 0"
 * in their own language instead of "Something in the form is not right".
 */
export function issueReason(issue: z.core.$ZodIssue | undefined): ErrorParams {
  if (!issue) return { reason: 'invalid' };
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const kind =
        issue.origin === 'string'
          ? small
            ? 'too_short'
            : 'too_long'
          : issue.origin === 'array' || issue.origin === 'set'
            ? small
              ? 'too_few'
              : 'too_many'
            : issue.code;
      // An exclusive bound (positive()) says "above 0"; the renderer names the inclusive limit.
      const inclusive = issue.inclusive !== false;
      return { reason: kind, limit: inclusive ? limit : small ? limit + 1 : limit - 1 };
    }
    case 'invalid_type':
      return { reason: issue.expected === 'int' ? 'not_whole' : 'invalid_type' };
    case 'invalid_format':
      return { reason: 'invalid_format' };
    case 'invalid_value':
      return { reason: 'not_allowed' };
    default:
      return { reason: 'invalid' };
  }
}
