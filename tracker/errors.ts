/**
 * Expected failures of the tracker: the HTTP status, a stable code the app can switch on, an English
 * message and, where a shopkeeper reads it, a Dutch one.
 */
export type TrackerErrorCode =
  | 'invalid_input'
  | 'wrong_password'
  | 'locked'
  | 'rate_limited'
  | 'unauthorized'
  | 'insufficient_credits'
  | 'conflict'
  | 'not_found'
  | 'too_large'
  | 'unsupported_media_type'
  | 'internal';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: TrackerErrorCode,
    message: string,
    readonly extra: { messageNl?: string; retryAfter?: number; issues?: unknown } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const invalidInput = (message: string, issues?: unknown) =>
  new HttpError(400, 'invalid_input', message, { issues });
