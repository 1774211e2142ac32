import { detectComplaint } from './complaints';
import { decideReason, type ReasonDecision } from './decideReason';
import { extractAddress } from './headerFields';
import { actionFor, type BounceAction, type BounceReason } from './reasons';
import type { BounceReport, DsnRecipient } from './report';
import { innermostStatus } from './statusCodes';
import { isDelayNotice, textBounceDiagnostic, withGaveUpSubject } from './textBounce';
import { diagnosticFor } from './textFormats';

export type BounceKind =
  'hard' | 'soft' | 'blocked' | 'complaint' | 'delayed' | 'auto_reply' | 'not_bounce';

export interface Verdict {
  kind: BounceKind;
  /** Stage one: why it came back (sisimai's taxonomy). */
  reason: BounceReason;
  /** Stage two: what the app does about it. */
  action: BounceAction;
  /**
   * A suppression that rests on a status code alone, without words that confirm it: the
   * shopkeeper decides (bounce page) instead of the address being suppressed for good.
   */
  review: boolean;
  /** The address the report is about (lower-case), when it names one. */
  recipient: string | null;
  /** RFC 3463 enhanced status code, '' when the report has none. */
  status: string;
  /** The remote server's own words, for the statistics and the shopkeeper. */
  detail: string;
  /** Message-ID of the mail that bounced (with angle brackets), when the report includes it. */
  originalMessageId: string | null;
}

const DETAIL_LIMIT = 500;

/** One message from the bounce mailbox → what it means. Pure: no database, no clock. */
export function classifyReport(report: BounceReport): Verdict {
  const complaint = detectComplaint(report);
  if (complaint) {
    const kind = complaint.feedbackType === 'abuse' ? 'complaint' : 'not_bounce';
    return verdict(report, {
      kind,
      reason: kind === 'complaint' ? 'feedback' : 'undefined',
      recipient: complaint.recipient,
      detail: complaint.detail,
    });
  }
  if (report.deliveryStatus && report.deliveryStatus.length > 0) return fromDeliveryStatus(report);
  if (looksLikeBounce(report)) return fromTextBounce(report);
  if (looksLikeAutoReply(report)) {
    return verdict(report, { kind: 'auto_reply', reason: 'vacation', detail: report.subject });
  }
  return verdict(report, { kind: 'not_bounce', reason: 'undefined' });
}

function fromDeliveryStatus(report: BounceReport): Verdict {
  const recipients = report.deliveryStatus ?? [];
  // One mail, one recipient (VERP); if a report lists several, the first failure counts, judged
  // by its own diagnostic only.
  const failed = recipients.find((r) => isFailure(r)) ?? null;
  const subject = failed ?? recipients[0]!;
  const recipient =
    subject.finalRecipient ||
    subject.originalRecipient ||
    report.failedRecipients[0] ||
    extractAddress(report.original?.get('to') ?? '') ||
    null;
  // "smtp; 550 …" → "550 …": the shopkeeper reads the server's words, not the DSN syntax.
  const fromField = clean(subject.diagnosticCode).replace(/^[\w-]+;\s*/, '');
  // Status without Diagnostic-Code: the words are in the human-readable part, near the address.
  const diagnostic = withGaveUpSubject(
    report.subject,
    fromField || diagnosticFor(report.text, recipient ?? ''),
  );
  const decision = decideReason({
    status: subject.status,
    diagnostic,
    hosts: hostsOf(report, subject, recipient, diagnostic),
  });
  const detail = diagnostic || firstMeaningfulLine(report.text);
  if (!failed) {
    const delayed =
      subject.action === 'delayed' || (subject.action === '' && decision.status.startsWith('4'));
    return verdict(report, {
      kind: delayed ? 'delayed' : 'not_bounce',
      reason: delayed ? decision.reason : 'delivered',
      action: 'none',
      recipient,
      status: decision.status,
      detail,
    });
  }
  return failure(report, decision, recipient, detail);
}

function isFailure(r: DsnRecipient): boolean {
  if (r.action === 'failed') return true;
  return r.action === '' && r.status.startsWith('5');
}

/** Stage two for a refusal: the action from the reason, with the status class as a brake. */
function failure(
  report: BounceReport,
  decision: ReasonDecision,
  recipient: string | null,
  detail: string,
): Verdict {
  // A failed delivery is at least a soft bounce, even where the words read like an auto-reply.
  let action = actionFor(decision.reason);
  if (action === 'none' || action === 'unsubscribe') action = 'soft';
  const temporary = decision.status.startsWith('4');
  // 4.x.x is never an address's last word; a sender refusal on a bare 4.x.x code is not proof.
  if (temporary && action === 'suppress') action = 'soft';
  if (temporary && action === 'pause' && decision.basis === 'code') action = 'soft';
  const review = action === 'suppress' && decision.basis === 'code';
  return verdict(report, {
    kind: KIND_OF_ACTION[action],
    reason: decision.reason,
    action,
    review,
    recipient,
    status: decision.status,
    detail,
  });
}

const KIND_OF_ACTION: Record<BounceAction, BounceKind> = {
  suppress: 'hard',
  pause: 'blocked',
  soft: 'soft',
  unsubscribe: 'complaint',
  none: 'not_bounce',
};

/** The hosts that tell whose system answered: vendor rules are keyed by them. */
function hostsOf(
  report: BounceReport,
  subject: DsnRecipient | null,
  recipient: string | null,
  diagnostic: string,
): string {
  const saidBy = /(?:host|server|Generating server:?)\s+([\w.-]+\.[a-z]{2,})/i.exec(diagnostic);
  return [
    subject?.remoteMta ?? '',
    subject?.reportingMta ?? '',
    report.from,
    recipient?.split('@')[1] ?? '',
    saidBy?.[1] ?? '',
  ].join(' ');
}

const BOUNCE_SENDER =
  /mailer-daemon|post_?master|mail delivery (system|subsystem)|mail administrator|MAILER-DAEMON/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|returned mail|delivery (status notification|failure|failed|has failed|problem)|failure notice|mail delivery failed|could not be delivered|onbestelbaar|niet (af)?geleverd|kan niet worden bezorgd|unzustellbar|non remis|error sending your (mail|message)|メールエラー|エラー通知|配信エラー/i;

function looksLikeBounce(report: BounceReport): boolean {
  return (
    report.failedRecipients.length > 0 ||
    BOUNCE_SENDER.test(report.from) ||
    BOUNCE_SUBJECT.test(report.subject)
  );
}

/** Bounces without a delivery-status part: qmail, Exim, Sendmail, Domino, OpenSMTPD, Office 365 HTML. */
function fromTextBounce(report: BounceReport): Verdict {
  const { recipient, diagnostic } = textBounceDiagnostic(report);
  const decision = decideReason({
    status: innermostStatus(diagnostic),
    diagnostic,
    hosts: hostsOf(report, null, recipient, diagnostic),
  });
  if (isDelayNotice(report)) {
    const detail = diagnostic || firstMeaningfulLine(report.text);
    return verdict(report, {
      kind: 'delayed',
      reason: decision.reason,
      action: 'none',
      recipient,
      status: decision.status,
      detail,
    });
  }
  if (!diagnostic) {
    // A bounce we cannot read: count it soft rather than guess at the address.
    return verdict(report, {
      kind: 'soft',
      reason: 'undefined',
      action: 'soft',
      recipient,
      detail: firstMeaningfulLine(report.text),
    });
  }
  return failure(report, decision, recipient, diagnostic);
}

// Lotus Notes writes "AUTO: Jan is out of the office (returning …)" and no RFC 3834 header.
const AUTO_REPLY_SUBJECT =
  /^(automatisch antwoord|automatic reply|auto(matic)?[- ]?(reply|response|antwoord)|autoreply|out of (the )?office|afwezig|afwezigheid|vakantie|niet aanwezig|abwesenheit|r[ée]ponse automatique)\b|^auto: .*\bis out of (the )?office\b/i;

/** RFC 3834 headers, the vendors' own headers, or the usual subjects of out-of-office replies. */
function looksLikeAutoReply(report: BounceReport): boolean {
  return (
    report.autoReplyHeader ||
    (report.autoSubmitted !== '' && report.autoSubmitted !== 'no') ||
    report.precedence === 'auto_reply' ||
    AUTO_REPLY_SUBJECT.test(report.subject)
  );
}

interface VerdictParts {
  kind: BounceKind;
  reason: BounceReason;
  action?: BounceAction;
  review?: boolean;
  recipient?: string | null;
  status?: string;
  detail?: string;
}

function verdict(report: BounceReport, parts: VerdictParts): Verdict {
  const acts = parts.kind !== 'auto_reply' && parts.kind !== 'not_bounce';
  const fromOriginal = report.original?.get('message-id')?.match(/<[^<>\s]+>/)?.[0] ?? null;
  const recipient = parts.recipient ?? null;
  return {
    kind: parts.kind,
    reason: parts.reason,
    action: parts.action ?? (acts ? actionFor(parts.reason) : 'none'),
    review: parts.review ?? false,
    recipient: recipient ? recipient.toLowerCase() : null,
    status: parts.status ?? '',
    detail: (parts.detail ?? '').slice(0, DETAIL_LIMIT),
    originalMessageId: acts ? (fromOriginal ?? report.inReplyTo[0] ?? null) : null,
  };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function firstMeaningfulLine(text: string): string {
  return clean(text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '');
}
