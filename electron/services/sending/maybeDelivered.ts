/**
 * The connection broke after a message's data went to the server and before its final reply: the
 * server may have queued it (RFC 1047's window), so sending it again could mail the customer
 * twice. The queue makes such a job `uncertain`, as after a crash, and the shop decides. An
 * answer the server did give (a 4xx or 5xx to the data, or its 421 on closing) is no such case.
 * Keeps the cause's `code` and `response`, so the log and the details say what happened.
 */
export class MaybeDeliveredError extends Error {
  readonly code: string | undefined;
  readonly response: string | undefined;

  constructor(cause: unknown) {
    const { message, code, response } = (cause ?? {}) as {
      message?: string;
      code?: string;
      response?: string;
    };
    super(`The connection broke before the server confirmed the message: ${message ?? cause}`, {
      cause,
    });
    this.name = 'MaybeDeliveredError';
    this.code = code;
    this.response = response;
  }
}

/** True when the server answered the message itself (its data) with a failure reply. */
export function serverAnswered(error: unknown): boolean {
  const { responseCode } = (error ?? {}) as { responseCode?: unknown };
  return typeof responseCode === 'number' && responseCode >= 400;
}
