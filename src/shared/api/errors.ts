import { z } from 'zod';
import { MessageParams } from './params';
import { BOARD_ERRORS } from './channels/board';
import { EXCHANGE_ERRORS } from './channels/exchange';
import { INTAKE_ERRORS } from './channels/intake';
import { INVENTORY_ERRORS } from './channels/inventory';
import { NETWORK_ERRORS } from './channels/network';
import { MONTH_ERRORS } from './channels/month';
import { DONORS_ERRORS } from './channels/donors';
import { WEIGHTS_ERRORS } from './channels/weights';
import { SLIP_ERRORS } from './channels/slips';
import { VOLUNTEERS_ERRORS } from './channels/volunteers';
import { STATIONS_ERRORS } from './channels/stations';
import { QUEUE_ERRORS } from './channels/queue';

/**
 * Every error the API can return, as a code the renderer translates. A code `feature.reason`
 * is translated from `locales/<lng>/<feature>.json` under `errors.reason` when that exists,
 * else from `locales/<lng>/errors.json` under `feature.reason`. A test checks that each code has
 * a message in every shipped locale.
 *
 * A feature declares its own codes beside its channels (`channels/<feature>.ts`, exported as
 * `<FEATURE>_ERRORS`) and spreads them into ERROR_CODES below.
 */

const FOUNDATION_ERRORS = [
  'api.unknown_channel',
  'api.invalid_input',
  'api.internal',
  'api.too_large',
  'api.unreachable',
  'auth.required',
  'auth.forbidden',
  'auth.wrong_pin',
  'site.not_set_up',
  'site.already_set_up',
  'db.corrupt',
  'db.too_new',
  'intake.household_too_large',
  'intake.over_limit',
  'intake.item_unavailable',
  'slip.unreadable',
  'slip.not_found',
  'slip.invalid',
  'slip.unknown_key',
  'slip.other_site',
  'slip.expired',
  'slip.void',
  'slip.already_redeemed',
] as const;

export const ERROR_CODES = [
  ...FOUNDATION_ERRORS,
  ...VOLUNTEERS_ERRORS,
  ...BOARD_ERRORS,
  ...EXCHANGE_ERRORS,
  ...INVENTORY_ERRORS,
  ...NETWORK_ERRORS,
  ...INTAKE_ERRORS,
  ...SLIP_ERRORS,
  ...STATIONS_ERRORS,
  ...QUEUE_ERRORS,
  ...MONTH_ERRORS,
  ...DONORS_ERRORS,
  ...WEIGHTS_ERRORS,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = MessageParams;

export interface ApiError {
  code: ErrorCode;
  /** English, for logs and developers. The screen shows the translated code instead. */
  message: string;
  params?: ErrorParams;
}

/** An ApiError as it arrives from a transport, checked before a screen shows it. */
export const ApiErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string(), params: MessageParams.optional() });

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
