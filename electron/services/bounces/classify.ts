import { matchDiagnostic } from './diagnosticPatterns';
import { extractAddress } from './headerFields';
import type { BounceReport, DsnRecipient } from './report';
import { classifyFailure, effectiveStatus } from './statusCodes';

export type BounceKind =
  'hard' | 'soft' | 'blocked' | 'complaint' | 'delayed' | 'auto_reply' | 'not_bounce';

export interface Verdict {
  kind: BounceKind;
  /** The address the report is about (lower-case), when it names one. */
  recipient: string | null;
  /** RFC 3463 enhanced status code, '' when the report has none. */
  status: string;
  /** The remote server's own words, for the statistics and the shopkeeper. */
  reason: string;
  /** Message-ID of the mail that bounced (with angle brackets), when the report includes it. */
  originalMessageId: string | null;
}

const REASON_LIMIT = 500;

/** One message from the bounce mailbox → what it means. Pure: no database, no clock. */
export function classifyReport(report: BounceReport): Verdict {
  if (report.deliveryStatus && report.deliveryStatus.length > 0) return fromDeliveryStatus(report);
  if (report.feedback || report.reportType === 'feedback-report') return fromFeedback(report);
  if (looksLikeBounce(report)) return fromTextBounce(report);
  if (looksLikeAutoReply(report)) return verdict(report, 'auto_reply', null, '', report.subject);
  return verdict(report, 'not_bounce', null, '', '');
}

function fromDeliveryStatus(report: BounceReport): Verdict {
  const recipients = report.deliveryStatus ?? [];
  // One mail, one recipient (VERP); if a report lists several, the first failure counts.
  const failed = recipients.find((r) => isFailure(r)) ?? null;
  const subject = failed ?? recipients[0]!;
  const recipient =
    subject.finalRecipient ||
    subject.originalRecipient ||
    report.failedRecipients[0] ||
    extractAddress(report.original?.get('to') ?? '') ||
    null;
  // "smtp; 550 …" → "550 …": the shopkeeper reads the server's words, not the DSN syntax.
  const reason =
    clean(subject.diagnosticCode).replace(/^[\w-]+;\s*/, '') || firstMeaningfulLine(report.text);
  const status = effectiveStatus(subject.status, subject.diagnosticCode);
  if (!failed) {
    const delayed =
      subject.action === 'delayed' || (subject.action === '' && status.startsWith('4'));
    return verdict(report, delayed ? 'delayed' : 'not_bounce', recipient, status, reason);
  }
  const kind = classifyFailure(status, `${subject.diagnosticCode} ${status ? '' : report.text}`);
  return verdict(report, kind, recipient, status, reason);
}

function isFailure(r: DsnRecipient): boolean {
  if (r.action === 'failed') return true;
  return r.action === '' && r.status.startsWith('5');
}

/** ARF (RFC 5965): a spam complaint unsubscribes; DMARC failure reports and "not spam" do not. */
function fromFeedback(report: BounceReport): Verdict {
  const type = report.feedback?.feedbackType ?? '';
  const recipient =
    report.feedback?.originalRcptTo || extractAddress(report.original?.get('to') ?? '') || null;
  const kind = type === 'auth-failure' || type === 'not-spam' ? 'not_bounce' : 'complaint';
  return verdict(report, kind, recipient, '', `Feedback-Type: ${type || 'abuse'}`);
}

const BOUNCE_SENDER =
  /mailer-daemon|postmaster|mail delivery (system|subsystem)|mail administrator/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|returned mail|delivery (status notification|failure|failed|has failed|problem)|failure notice|mail delivery failed|could not be delivered|onbestelbaar|niet (af)?geleverd|kan niet worden bezorgd|unzustellbar|non remis/i;

function looksLikeBounce(report: BounceReport): boolean {
  return (
    report.failedRecipients.length > 0 ||
    BOUNCE_SENDER.test(report.from) ||
    BOUNCE_SUBJECT.test(report.subject)
  );
}

/** Bounces without a delivery-status part (Exim's classic format, qmail and Yahoo). */
function fromTextBounce(report: BounceReport): Verdict {
  const reasonLine = smtpReplyLine(report.text);
  const status = effectiveStatus('', reasonLine);
  const words = matchDiagnostic(reasonLine) ? reasonLine : report.text;
  const kind = classifyFailure(status, words);
  const recipient =
    report.failedRecipients[0] ||
    recipientInText(report.text) ||
    extractAddress(report.original?.get('to') ?? '') ||
    null;
  return verdict(report, kind, recipient, status, reasonLine || firstMeaningfulLine(report.text));
}

/** The line with the remote server's reply ("550 5.1.1 … User unknown"). */
function smtpReplyLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => /(^|\s)[45]\d\d([ :-]|$)/.test(l.trim()));
  return clean(line ?? '');
}

/** qmail/Yahoo put the address on its own line as `<a@b.nl>:`; Exim indents it under "failed:". */
function recipientInText(text: string): string {
  const qmail = /^<([^<>\s]+@[^<>\s]+)>:\s*$/m.exec(text);
  if (qmail) return qmail[1]!.toLowerCase();
  const exim = /address\(es\) failed:\s*\r?\n\s*\r?\n?\s*([^\s<>]+@[^\s<>]+)/i.exec(text);
  return exim ? exim[1]!.toLowerCase() : '';
}

const AUTO_REPLY_SUBJECT =
  /^(automatisch antwoord|automatic reply|auto(matic)?[- ]?(reply|response|antwoord)|autoreply|out of (the )?office|afwezig|afwezigheid|vakantie|niet aanwezig|abwesenheit|r[ée]ponse automatique)\b/i;

/** RFC 3834 headers, the vendors' own headers, or the usual subjects of out-of-office replies. */
function looksLikeAutoReply(report: BounceReport): boolean {
  return (
    report.autoReplyHeader ||
    (report.autoSubmitted !== '' && report.autoSubmitted !== 'no') ||
    report.precedence === 'auto_reply' ||
    AUTO_REPLY_SUBJECT.test(report.subject)
  );
}

function verdict(
  report: BounceReport,
  kind: BounceKind,
  recipient: string | null,
  status: string,
  reason: string,
): Verdict {
  const acts = kind !== 'auto_reply' && kind !== 'not_bounce';
  const fromOriginal = report.original?.get('message-id')?.match(/<[^<>\s]+>/)?.[0] ?? null;
  return {
    kind,
    recipient: recipient ? recipient.toLowerCase() : null,
    status,
    reason: reason.slice(0, REASON_LIMIT),
    originalMessageId: acts ? (fromOriginal ?? report.inReplyTo[0] ?? null) : null,
  };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function firstMeaningfulLine(text: string): string {
  return clean(text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '');
}
