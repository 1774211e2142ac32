import { extractAddress, firstHeader, parseHeaderBlock } from './headerFields';
import type { DsnRecipient, FeedbackReport } from './report';

/**
 * RFC 3464 message/delivery-status body: one per-message field group, then one group per
 * recipient, separated by blank lines. Groups without Final-Recipient or Action are skipped.
 */
export function parseDeliveryStatus(body: string): DsnRecipient[] {
  const recipients: DsnRecipient[] = [];
  for (const group of body.split(/\r?\n[ \t]*\r?\n/)) {
    const fields = parseHeaderBlock(group);
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
  /^-+ ?Below this line is a copy of the message\.?/im,
  /^-+ ?The header of the original message is following\. ?-+$/im,
  /^-+ ?Original message ?-+$/im,
  /^-+ ?Oorspronkelijk bericht ?-+$/im,
];

export function splitAtOriginalCopy(text: string): {
  explanation: string;
  originalHeaders: string;
} {
  for (const marker of COPY_MARKERS) {
    const match = marker.exec(text);
    if (!match) continue;
    const after = text.slice(match.index + match[0].length).replace(/^\s*\r?\n/, '');
    const end = after.search(/\r?\n[ \t]*\r?\n/);
    return {
      explanation: text.slice(0, match.index),
      originalHeaders: end === -1 ? after : after.slice(0, end),
    };
  }
  return { explanation: text, originalHeaders: '' };
}
