import { MAX_USER_AGENT } from '../context';

/**
 * One answered open or click as the answering worker appends it to its spool file, before any
 * check: `o|c TAB time-ms TAB truncated-ip TAB token TAB [=user-agent] LF`. The token is only
 * checked by the ingester, so a line is a claim, never an event. The user agent is last (it is the
 * one field that may hold a tab) and starts with `=` when the request had one, so "no header"
 * and "empty header" stay apart. Neither an URL nor a header value can hold a line feed.
 */
export type SpoolKind = 'open' | 'click';

export interface SpoolEntry {
  kind: SpoolKind;
  at: number;
  ip: string | undefined;
  token: string;
  userAgent: string | undefined;
}

const TAB = '\t';

export function spoolLine(
  kind: SpoolKind,
  at: number,
  ip: string | null,
  token: string,
  userAgent: string | undefined,
): string {
  const agent = userAgent === undefined ? '' : `=${userAgent.slice(0, MAX_USER_AGENT)}`;
  return `${kind === 'open' ? 'o' : 'c'}\t${at}\t${ip ?? ''}\t${token}\t${agent}\n`;
}

/** The line's fields (without its line feed), or null when it is not a spool line. */
export function readSpoolLine(line: string): SpoolEntry | null {
  const t1 = line.indexOf(TAB);
  const t2 = line.indexOf(TAB, t1 + 1);
  const t3 = line.indexOf(TAB, t2 + 1);
  const t4 = line.indexOf(TAB, t3 + 1);
  if (t1 !== 1 || t2 < 0 || t3 < 0 || t4 < 0) return null;
  const code = line[0];
  const kind = code === 'o' ? 'open' : code === 'c' ? 'click' : null;
  const at = Number(line.slice(t1 + 1, t2));
  if (kind === null || !Number.isSafeInteger(at) || at < 0) return null;
  const ip = line.slice(t2 + 1, t3);
  const agent = line.slice(t4 + 1);
  return {
    kind,
    at,
    ip: ip === '' ? undefined : ip,
    token: line.slice(t3 + 1, t4),
    userAgent: agent.startsWith('=') ? agent.slice(1) : undefined,
  };
}
