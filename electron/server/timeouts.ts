import type { Server } from 'node:http';

/** How long a client may take; a slow one (Slowloris) is answered 408 and disconnected. */
export interface RequestTimeouts {
  /** Until the headers are complete. */
  headersMs: number;
  /** Until the whole request (with its body: a 50 MB import on loopback takes a second) is in. */
  requestMs: number;
  /** How often Node looks for connections past these limits. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: RequestTimeouts = {
  headersMs: 10_000,
  requestMs: 120_000,
  checkEveryMs: 2_000,
};

export function applyTimeouts(server: Server, timeouts: RequestTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  // An idle keep-alive connection is closed after this; the event stream keeps itself busy.
  server.keepAliveTimeout = 5_000;
}
