import { splitHeadersAndBody } from './fastParser';
import { firstValues, parseHeaderBlock } from './headerFields';
import { buildReport, type ReportParts } from './reportBuilder';
import { parseDeliveryStatus, parseFeedbackReport } from './reportFields';
import type { BounceReport } from './report';

/**
 * The thorough path: mailparser copes with every oddity of real mail. It inlines
 * message/delivery-status parts into the text, so the DSN fields are read from the text when no
 * separate part carries them.
 */
export async function parseBounceWithMailparser(source: Buffer): Promise<BounceReport> {
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
