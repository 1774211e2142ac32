import { recipientReason } from './diagnosticPatterns';
import { extractAddress, extractAddresses } from './headerFields';
import type { BounceReport } from './report';
import { explanationWithReply, textBlocks } from './textFormats';

const ADDRESSES = /[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/**
 * A bounce without a delivery-status part: the address it is about and that address's own words.
 * The address comes from X-Failed-Recipients, the MTA's per-address block, the returned
 * message's To, or the one address the explanation names; the words from the address's block,
 * else the remote server's reply line, an "Error:" line, or the paragraph naming the address.
 */
export function textBounceDiagnostic(report: BounceReport): {
  recipient: string | null;
  diagnostic: string;
} {
  // A block for one of our own addresses (a salutation "a@b 様") is not about a recipient.
  const ours = new Set(report.envelopeHints.flatMap(extractAddresses).map((a) => a.toLowerCase()));
  const all = textBlocks(report.text);
  const blocks = all.filter((b) => !ours.has(b.recipient) || /\b[245]\d\d\b/.test(b.diagnostic));
  // A bounce relayed by a mailing list or sent to the recipient itself names only "our" address;
  // with nothing else naming a recipient, its block with words about the refusal is the one.
  if (blocks.length === 0 && report.failedRecipients.length === 0 && !report.original?.get('to')) {
    blocks.push(...all.filter((b) => recipientReason(b.diagnostic) !== undefined));
  }
  const recipient =
    report.failedRecipients[0] ||
    blocks[0]?.recipient ||
    extractAddress(report.original?.get('to') ?? '') ||
    soleAddress(report, ours) ||
    null;
  const own = ownDiagnostic(blocks, recipient);
  if (own !== undefined) return { recipient, diagnostic: own };
  if (blocks.length > 0) return { recipient, diagnostic: '' };
  // The explanation may name the address the mail was forwarded to, not the one we sent to.
  const diagnostic =
    smtpReplyLine(report.text) ||
    errorLine(report.text) ||
    paragraphNaming(report.text, recipient) ||
    paragraphNaming(report.text, soleAddress(report, ours)) ||
    explanationWithReply(report.text) ||
    paragraphNamingWord(report.text, recipient?.split('@')[0] ?? '');
  return { recipient, diagnostic: withGaveUpSubject(report.subject, diagnostic) };
}

/**
 * The words of the recipient's blocks, joined: old Exim wraps "after RCPT TO:" and the address
 * onto a line of its own, which reads as a second block for the same address. A lone block that
 * names another address is still the recipient's: the report is about one mail, and Exim's
 * X-Failed-Recipients may name the address before a rewrite.
 */
function ownDiagnostic(
  blocks: readonly { recipient: string; diagnostic: string }[],
  recipient: string | null,
): string | undefined {
  const lower = recipient?.toLowerCase();
  const own = [...new Set(blocks.filter((b) => b.recipient === lower).map((b) => b.diagnostic))];
  if (own.length > 0) return own.join(' ');
  return blocks.length === 1 ? blocks[0]!.diagnostic : undefined;
}

/** The one address the explanation names besides the report's own sender, if it names one. */
function soleAddress(report: BounceReport, ours: Set<string>): string {
  const sender = extractAddress(report.from).toLowerCase();
  const named = new Set(
    [...report.text.matchAll(ADDRESSES)]
      .map((m) => m[0].toLowerCase())
      .filter((a) => a !== sender && !ours.has(a)),
  );
  return named.size === 1 ? [...named][0]! : '';
}

/** The line with the remote server's reply ("550 5.1.1 … User unknown", "[554 5.4.6 …]"). */
function smtpReplyLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => /(^|[\s[(])[45]\d\d([ :-]|$)/.test(l.trim()));
  return clean(line ?? '');
}

/** "Error: No valid recipients for this MM" (Verizon), "Reason: …" and the like. */
function errorLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => /^\s*(error|reason|fehler|erreur)\s*:/i.test(l));
  return clean(line ?? '');
}

function paragraphNaming(text: string, recipient: string | null): string {
  if (!recipient) return '';
  const lower = recipient.toLowerCase();
  const paragraph = text.split(/\r?\n[ \t]*\r?\n/).find((p) => p.toLowerCase().includes(lower));
  return clean(paragraph ?? '');
}

/**
 * A list's or group's explanation names it by its name, not its address (Google Groups' "the
 * group you tried to contact (shop)"): the paragraph naming the local part as a word.
 */
function paragraphNamingWord(text: string, word: string): string {
  if (word.length < 3) return '';
  const named = new RegExp(`(?<![\\w.@-])${word.replace(/[^\w]/g, '\\$&')}(?![\\w@-])`, 'i');
  return clean(text.split(/\r?\n[ \t]*\r?\n/).find((p) => named.test(p)) ?? '');
}

/**
 * Old Sendmail says it gave up only in its subject ("Returned mail: Cannot send message for 4
 * days") and quotes the last connection error in the text: the subject's verdict goes first.
 */
const GAVE_UP_SUBJECT = /cannot send message for \d+ days?/i;

export function withGaveUpSubject(subject: string, diagnostic: string): string {
  const verdict = GAVE_UP_SUBJECT.exec(subject)?.[0];
  return verdict ? clean(`${verdict}: ${diagnostic}`) : diagnostic;
}

/**
 * A warning that delivery is still being tried (Exim's "has not yet been delivered", Gmail's
 * "THIS IS A WARNING MESSAGE ONLY", Sendmail's "Warning: could not send message for past …"):
 * nothing has failed yet.
 */
const DELAY_NOTICE =
  /has not yet been delivered|has been delayed|this is a warning message only|could not send message for past|will (?:continue to )?(?:be )?retr(?:y|ied)|delivery attempts will continue|still being retried|no action is required on your part/i;
const GAVE_UP = /permanent(?:ly)? (?:error|failure|fatal)|failed permanently|given up|gave up/i;

export function isDelayNotice(report: BounceReport): boolean {
  return DELAY_NOTICE.test(report.text) && !GAVE_UP.test(report.text);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
