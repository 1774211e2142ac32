/**
 * The IPC messages that carry the spool's cap between the cluster's processes: the ingester tells
 * the primary how much of the spool on disk it has stored; the primary tells the workers (and the
 * ingester) when the backlog passes the cap and when it is back under it.
 */
export interface SpoolStoredMessage {
  type: 'spool-stored';
  /** Per segment name, the bytes of it stored already. */
  segments: Record<string, number>;
}

export interface SpoolOverCapMessage {
  type: 'spool-over-cap';
  over: boolean;
}

const hasType = (message: unknown, type: string): message is Record<string, unknown> =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

export function isSpoolStoredMessage(message: unknown): message is SpoolStoredMessage {
  return (
    hasType(message, 'spool-stored') &&
    typeof message.segments === 'object' &&
    message.segments !== null &&
    Object.values(message.segments).every((bytes) => typeof bytes === 'number')
  );
}

export function isSpoolOverCapMessage(message: unknown): message is SpoolOverCapMessage {
  return hasType(message, 'spool-over-cap') && typeof message.over === 'boolean';
}
