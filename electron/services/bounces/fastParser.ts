import { decodeTransfer } from './charsets';
import { withLineFeeds } from './lineEnds';
import {
  firstHeader,
  firstValues,
  parseHeaderBlock,
  parseParameterised,
  type HeaderMap,
} from './headerFields';
import { parseDeliveryStatus, parseFeedbackReport } from './reportFields';
import { buildReport, type ReportParts } from './reportBuilder';
import type { BounceReport } from './report';

/**
 * The light path: walks the MIME tree of a report once, decoding only the parts a bounce needs
 * (delivery-status, feedback-report, the returned headers, the first text part). Returns null for
 * anything it does not understand, so the caller falls back to mailparser.
 */
export function parseBounceFast(source: Buffer): BounceReport | null {
  const raw = withLineFeeds(source).toString('latin1');
  const top = splitHeadersAndBody(raw);
  const headers = parseHeaderBlock(top.headers);
  if (headers.size === 0) return null;
  const parts: ReportParts = { dsn: null, feedback: null, original: null, plain: null, html: null };
  if (!walk(headers, top.body, 0, parts)) return null;
  return buildReport(headers, parts);
}

const MAX_DEPTH = 6;

function walk(headers: HeaderMap, body: string, depth: number, parts: ReportParts): boolean {
  if (depth > MAX_DEPTH) return false;
  const type = parseParameterised(firstHeader(headers, 'content-type') || 'text/plain');
  const transfer = firstHeader(headers, 'content-transfer-encoding');
  const charset = type.params.get('charset') ?? 'utf-8';
  if (type.value.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    if (!boundary) return false;
    const children = splitMultipart(body, boundary);
    if (!children) return false;
    for (const child of children) {
      const split = splitHeadersAndBody(child);
      if (!walk(parseHeaderBlock(split.headers), split.body, depth + 1, parts)) return false;
    }
    return true;
  }
  switch (type.value) {
    case 'message/delivery-status':
    case 'message/global-delivery-status':
      parts.dsn ??= parseDeliveryStatus(decodeTransfer(body, transfer, 'utf-8'));
      return true;
    case 'message/feedback-report':
      parts.feedback ??= parseFeedbackReport(decodeTransfer(body, transfer, 'utf-8'));
      return true;
    case 'text/rfc822-headers':
    case 'message/rfc822-headers':
      parts.original ??= firstValues(parseHeaderBlock(decodeTransfer(body, transfer, 'utf-8')));
      return true;
    case 'message/rfc822':
    case 'message/global': {
      const inner = splitHeadersAndBody(decodeTransfer(body, transfer, 'latin1'));
      parts.original ??= firstValues(parseHeaderBlock(inner.headers));
      return true;
    }
    case 'text/plain':
      if (!isAttachment(headers)) parts.plain ??= decodeTransfer(body, transfer, charset);
      return true;
    case 'text/html':
      if (!isAttachment(headers)) parts.html ??= decodeTransfer(body, transfer, charset);
      return true;
    default:
      return true;
  }
}

function isAttachment(headers: HeaderMap): boolean {
  return /^\s*attachment/i.test(firstHeader(headers, 'content-disposition'));
}

/** Header block and body of a message or part; a part starting with a blank line has no headers. */
export function splitHeadersAndBody(text: string): { headers: string; body: string } {
  if (text.startsWith('\r\n')) return { headers: '', body: text.slice(2) };
  if (text.startsWith('\n')) return { headers: '', body: text.slice(1) };
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return { headers: text, body: '' };
  if (lf === -1 || (crlf !== -1 && crlf < lf)) {
    return { headers: text.slice(0, crlf), body: text.slice(crlf + 4) };
  }
  return { headers: text.slice(0, lf), body: text.slice(lf + 2) };
}

/** The parts of a multipart body; null when the boundary never appears. */
function splitMultipart(body: string, boundary: string): string[] | null {
  const delimiter = `--${boundary}`;
  const starts: number[] = [];
  let closed = false;
  let from = 0;
  for (;;) {
    const at = body.indexOf(delimiter, from);
    if (at === -1) break;
    from = at + delimiter.length;
    const atLineStart = at === 0 || body.charCodeAt(at - 1) === 10;
    if (!atLineStart) continue;
    const next = body.charCodeAt(from);
    if (next === 45 /* - */ && body.charCodeAt(from + 1) === 45) {
      starts.push(at);
      closed = true;
      break;
    }
    // A longer boundary that merely starts with ours is not ours.
    if (!(Number.isNaN(next) || next === 10 || next === 13 || next === 32 || next === 9)) continue;
    starts.push(at);
  }
  if (starts.length === 0) return null;
  const parts: string[] = [];
  const last = closed ? starts.length - 1 : starts.length;
  for (let i = 0; i < last; i += 1) {
    const lineEnd = body.indexOf('\n', starts[i]!);
    if (lineEnd === -1) break;
    const end = i + 1 < starts.length ? starts[i + 1]! : body.length;
    let part = body.slice(lineEnd + 1, Math.max(lineEnd + 1, end));
    // The line break before a delimiter belongs to the delimiter.
    if (part.endsWith('\r\n')) part = part.slice(0, -2);
    else if (part.endsWith('\n')) part = part.slice(0, -1);
    parts.push(part);
  }
  return parts;
}
