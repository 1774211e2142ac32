import { MAX_USER_AGENT } from '../context';

/**
 * One answered open or click as the answering worker appends it to its spool file, before any
 * check: `O|C TAB time-ms TAB truncated-ip TAB token TAB [=user-agent] CR LF`. The token is only
 * checked by the ingester, so a line is a claim, never an event. The user agent is last (it is the
 * one field that may hold a tab) and starts with `=` when the request had one, so "no header"
 * and "empty header" stay apart. Neither an URL nor a header value can hold a CR or a line feed
 * (Node's HTTP parser refuses them), so the CR before the line feed is the line's own end: a line
 * cut short by a failed write lacks it, even when a line feed follows the cut, and is refused
 * instead of stored with a cut user agent. Lines of the version before the CR (`o`/`c`, ending at
 * the line feed) still read, as a spool left by that version holds them.
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
const CR = 13;

/**
 * What the writer puts after a line its failed write cut short, before the next lines: a line
 * feed ends the cut line there, and the character before it ensures the cut line never ends in
 * CR, also when only the line feed itself was missing (the writer counted that line as lost).
 */
export const TORN_LINE_END = '#\n';

export function spoolLine(
  kind: SpoolKind,
  at: number,
  ip: string | null,
  token: string,
  userAgent: string | undefined,
): string {
  const agent = userAgent === undefined ? '' : `=${userAgent.slice(0, MAX_USER_AGENT)}`;
  return `${kind === 'open' ? 'O' : 'C'}\t${at}\t${ip ?? ''}\t${token}\t${agent}\r\n`;
}

/** The line's fields (without its line feed), or null when it is not a whole spool line. */
export function readSpoolLine(line: string): SpoolEntry | null {
  const code = line[0];
  const kind =
    code === 'O' || code === 'o' ? 'open' : code === 'C' || code === 'c' ? 'click' : null;
  if (kind === null) return null;
  // The current version's line ends in CR; without it the line was cut short.
  const ended = code === 'O' || code === 'C';
  if (ended && line.charCodeAt(line.length - 1) !== CR) return null;
  const end = ended ? line.length - 1 : line.length;
  const t1 = line.indexOf(TAB);
  const t2 = line.indexOf(TAB, t1 + 1);
  const t3 = line.indexOf(TAB, t2 + 1);
  const t4 = line.indexOf(TAB, t3 + 1);
  if (t1 !== 1 || t2 < 0 || t3 < 0 || t4 < 0) return null;
  const at = Number(line.slice(t1 + 1, t2));
  if (!Number.isSafeInteger(at) || at < 0) return null;
  const ip = line.slice(t2 + 1, t3);
  const agent = line.slice(t4 + 1, end);
  return {
    kind,
    at,
    ip: ip === '' ? undefined : ip,
    token: line.slice(t3 + 1, t4),
    userAgent: agent.startsWith('=') ? agent.slice(1) : undefined,
  };
}
