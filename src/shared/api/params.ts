import { z } from 'zod';

/**
 * The values a translated message is filled with ({{seconds}}, {{name}}): an error's params, a
 * board reason's, a CSV issue's. One schema, so every message reads its values the same way.
 * (Apart from errors.ts, which imports every feature's codes: a feature importing it back would
 * make a cycle.)
 */
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParams>;
