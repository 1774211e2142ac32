import { extractAddress, firstHeader, parseHeaderBlock } from './headerFields';
import type { DsnRecipient, FeedbackReport } from './report';

/**
 * RFC 3464 message/delivery-status body: one per-message field group, then one group per
 * recipient, separated by blank lines. Groups without Final-Recipient or Action are skipped.
 */
export function parseDeliveryStatus(body: string): DsnRecipient[] {
  const recipients: DsnRecipient[] = [];
  let reportingMta = '';
  for (const group of body.split(/\r?\n[ \t]*\r?\n/)) {
    const fields = parseHeaderBlock(group);
    reportingMta ||= firstHeader(fields, 'reporting-mta');
    const finalRecipient = firstHeader(fields, 'final-recipient');
    const action = firstHeader(fields, 'action');
    if (!finalRecipient && !action) continue;
    recipients.push({
      finalRecipient: extractAddress(finalRecipient),
      originalRecipient: extractAddress(firstHeader(fields, 'original-recipient')),
      action: action.toLowerCase().replace(/\s*\(.*$/, ''),
      status: (/\d\.\d{1,3}\.\d{1,3}/.exec(firstHeader(fields, 'status')) ?? [''])[0],
      diagnosticCode: firstHeader(fields, 'diagnostic-code').replace(/\s+/g, ' '),
      remoteMta: firstHeader(fields, 'remote-mta'),
      reportingMta,
    });
  }
  return recipients;
}

/** RFC 5965 message/feedback-report body (ARF). */
export function parseFeedbackReport(body: string): FeedbackReport {
  const fields = parseHeaderBlock(body);
  return {
    feedbackType: firstHeader(fields, 'feedback-type').toLowerCase(),
    originalRcptTo: extractAddress(firstHeader(fields, 'original-rcpt-to')),
    originalMailFrom: firstHeader(fields, 'original-mail-from'),
    userAgent: firstHeader(fields, 'user-agent'),
  };
}

/**
 * Text bounces (Exim, qmail/Yahoo) include the original message after a marker line. Returns the
 * explanation before it and the header block of the copy, if there is one.
 */
const COPY_MARKERS = [
  /^-+ ?This is a copy of the message, including all the headers\. ?-+$/im,
  /^-+ ?This is a copy of the message's headers\. ?-+$/im,
  /^-+ ?Below this line is a copy of the message\.?/im,
  /^Below is a copy of the original message:?\s*$/im,
  /^Original message headers:?\s*$/im,
  /^-+ ?Original message headers ?-+$/im,
  /^Included is a copy of the message header:?\s*$/im,
  /^-+ ?The original message follows:? ?-*$/im,
  /^-+ ?Original Message ?-+$/im,
  /^-+ ?The header of the original message is following\. ?-+$/im,
  /^-+ ?Oorspronkelijk bericht ?-+$/im,
];

const ANY_COPY_MARKER = new RegExp(COPY_MARKERS.map((m) => `(?:${m.source})`).join('|'), 'im');

const PASTED_HEADERS =
  /^(Received|Return-Path|Received-SPF|DKIM-Signature|Authentication-Results|ARC-Seal): /im;

export function splitAtOriginalCopy(text: string): {
  explanation: string;
  originalHeaders: string;
} {
  // One pass for all markers; the leftmost counts (a later one may sit inside the copy itself).
  const first = ANY_COPY_MARKER.exec(text);
  if (first) {
    const after = text.slice(first.index + first[0].length).replace(/^\s*\r?\n/, '');
    const end = after.search(/\r?\n[ \t]*\r?\n/);
    return {
      explanation: text.slice(0, first.index),
      originalHeaders: end === -1 ? after : after.slice(0, end),
    };
  }
  // No marker, but a returned header block pasted into the text: its lines are not the server's
  // words ("Received-SPF: pass" must not read as an SPF refusal).
  const pasted = PASTED_HEADERS.exec(text);
  if (pasted) {
    const after = text.slice(pasted.index);
    const end = after.search(/\r?\n[ \t]*\r?\n/);
    return {
      explanation: text.slice(0, pasted.index),
      originalHeaders: end === -1 ? after : after.slice(0, end),
    };
  }
  return { explanation: text, originalHeaders: '' };
}
