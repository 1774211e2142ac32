import {
  decodeEncodedWords,
  extractAddresses,
  firstHeader,
  firstValues,
  parseHeaderBlock,
  parseParameterised,
  type HeaderMap,
} from './headerFields';
import { parseDeliveryStatus, splitAtOriginalCopy } from './reportFields';
import { sesNotification } from './sesNotifications';
import { TEXT_LIMIT, type BounceReport, type DsnRecipient, type FeedbackReport } from './report';

/** What a parser found in the MIME tree; both parsers hand it to buildReport. */
export interface ReportParts {
  dsn: DsnRecipient[] | null;
  feedback: FeedbackReport | null;
  original: Map<string, string> | null;
  plain: string | null;
  html: string | null;
}

/** Headers that can carry the address a bounce was sent to, i.e. our VERP envelope sender. */
const ENVELOPE_HEADERS = [
  'to',
  'cc',
  'delivered-to',
  'x-original-to',
  'envelope-to',
  'x-envelope-to',
  'x-delivered-to',
  'x-rcpt-to',
];

export function buildReport(headers: HeaderMap, parts: ReportParts): BounceReport {
  const type = parseParameterised(firstHeader(headers, 'content-type') || 'text/plain');
  const text = parts.plain ?? (parts.html ? htmlToText(parts.html) : '');
  const split = splitAtOriginalCopy(text);
  const ses = parts.dsn || parts.feedback ? null : sesNotification(text);
  const original =
    parts.original ??
    (split.originalHeaders ? firstValues(parseHeaderBlock(split.originalHeaders)) : null);
  return {
    subject: decodeEncodedWords(firstHeader(headers, 'subject')).trim(),
    from: decodeEncodedWords(firstHeader(headers, 'from')),
    envelopeHints: ENVELOPE_HEADERS.flatMap((name) => headers.get(name) ?? []),
    inReplyTo:
      [firstHeader(headers, 'in-reply-to'), firstHeader(headers, 'references')]
        .join(' ')
        .match(/<[^<>\s]+>/g) ?? [],
    autoSubmitted: firstHeader(headers, 'auto-submitted').toLowerCase(),
    precedence: firstHeader(headers, 'precedence').toLowerCase(),
    autoReplyHeader:
      headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-autoresponder'),
    failedRecipients: (headers.get('x-failed-recipients') ?? []).flatMap(extractAddresses),
    contentType: type.value,
    reportType: (type.params.get('report-type') ?? '').toLowerCase(),
    deliveryStatus: parts.dsn ?? ses?.dsn ?? deliveryStatusInText(split.explanation),
    feedback: parts.feedback ?? ses?.feedback ?? null,
    original,
    text: split.explanation.slice(0, TEXT_LIMIT),
  };
}

const DSN_FIELD = /^[ \t]*(?:Reporting-MTA|Final-Recipient|Original-Recipient|Action):/im;

/**
 * The DSN fields of a report that pastes them into its text instead of a message/delivery-status
 * part (Amazon WorkMail's "Technical report:"), or null.
 */
function deliveryStatusInText(text: string): BounceReport['deliveryStatus'] {
  const start = DSN_FIELD.exec(text);
  if (!start || !/^[ \t]*Final-Recipient:/im.test(text)) return null;
  const found = parseDeliveryStatus(text.slice(start.index));
  return found.length > 0 ? found : null;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Enough HTML-to-text for reading a bounce's explanation (Office 365 sends only HTML). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&([a-z]+|#\d+);/gi, (all, name: string) => ENTITIES[name.toLowerCase()] ?? all)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim();
}
