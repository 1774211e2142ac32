import { splitHeadersAndBody } from './fastParser';
import { withLineFeeds } from './lineEnds';
import { firstValues, parseHeaderBlock } from './headerFields';
import { buildReport, type ReportParts } from './reportBuilder';
import { parseDeliveryStatus, parseFeedbackReport } from './reportFields';
import type { BounceReport } from './report';

/**
 * The thorough path: mailparser copes with every oddity of real mail. It inlines
 * message/delivery-status parts into the text, so the DSN fields are read from the text when no
 * separate part carries them.
 */
export async function parseBounceWithMailparser(raw: Buffer): Promise<BounceReport> {
  const source = withLineFeeds(raw);
  // Loaded at the first odd bounce, not at app start.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(source, {
    skipHtmlToText: false,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
  });
  const headers = parseHeaderBlock(parsed.headerLines.map((h) => h.line).join('\r\n'));
  const parts: ReportParts = { dsn: null, feedback: null, original: null, plain: null, html: null };
  for (const attachment of parsed.attachments) {
    const type = attachment.contentType.toLowerCase();
    const content = attachment.content.toString('utf8');
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
      parts.dsn ??= parseDeliveryStatus(content);
    } else if (type === 'message/feedback-report') {
      parts.feedback ??= parseFeedbackReport(content);
    } else if (type === 'text/rfc822-headers' || type === 'message/rfc822-headers') {
      parts.original ??= firstValues(parseHeaderBlock(content));
    } else if (type === 'message/rfc822' || type === 'message/global') {
      parts.original ??= firstValues(parseHeaderBlock(splitHeadersAndBody(content).headers));
    }
  }
  // mailparser inlines a message/rfc822 part shown inline (JMRP does): read its headers raw.
  parts.original ??= inlineOriginalHeaders(source.toString('latin1'));
  // A multipart without a boundary gives mailparser no text at all: read the raw body instead.
  const text =
    parsed.text ?? (parsed.html ? '' : splitHeadersAndBody(source.toString('latin1')).body);
  const isReport = headers.get('content-type')?.[0]?.toLowerCase().includes('multipart/report');
  if (isReport && !parts.dsn) {
    const fromText = parseDeliveryStatus(text);
    if (fromText.length > 0) parts.dsn = fromText;
  }
  if (isReport && !parts.feedback && /^Feedback-Type:/im.test(text)) {
    parts.feedback = parseFeedbackReport(text.slice(text.search(/^Feedback-Type:/im)));
  }
  parts.plain = text;
  return buildReport(headers, parts);
}

const INLINE_RFC822 =
  /^content-type:[ \t]*message\/(?:rfc822|global)\b[^\n]*\n(?:[ \t]*\S[^\n]*\n)*?\r?\n/im;

/** Header block of the first message/rfc822 part in the raw source, when there is one. */
function inlineOriginalHeaders(raw: string): Map<string, string> | null {
  const match = INLINE_RFC822.exec(raw);
  if (!match) return null;
  const headers = splitHeadersAndBody(raw.slice(match.index + match[0].length)).headers;
  const parsed = parseHeaderBlock(headers);
  return parsed.size > 0 ? firstValues(parsed) : null;
}
