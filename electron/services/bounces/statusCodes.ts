import type { BounceReason } from './reasons';

const ENHANCED_ALL = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
const QMAIL = /\(#([245])\.(\d{1,3})\.(\d{1,3})\)/;
/** GoDaddy and a few others write `550 #5.1.0 Address rejected`. */
const HASH = /#([245])\.(\d{1,3})\.(\d{1,3})\b/;

/**
 * The enhanced status code (RFC 3463) a diagnostic ends on. Wrappers (Amazon SES, relays,
 * Exchange) put their own code first and the remote server's reply after it, so the innermost,
 * i.e. last, code is the one that counts. qmail writes its code as `(#5.1.1)`.
 */
export function innermostStatus(diagnostic: string): string {
  if (!diagnostic) return '';
  let last = '';
  for (const match of diagnostic.matchAll(ENHANCED_ALL)) last = match[0];
  if (last) return last;
  const qmail = QMAIL.exec(diagnostic) ?? HASH.exec(diagnostic);
  return qmail ? `${qmail[1]}.${qmail[2]}.${qmail[3]}` : '';
}

/**
 * The code to judge by: the innermost code of the server's own words when they carry one (the
 * recipient's reply is more precise than the Status field a relay filled in), else the Status
 * field.
 */
export function effectiveStatus(status: string, diagnostic: string): string {
  return innermostStatus(diagnostic) || status;
}

/** The basic SMTP reply code (550, 452, …) at the start of a reply, when there is no enhanced one. */
export function basicReplyClass(diagnostic: string): '4' | '5' | '' {
  const match = /(?:^|[\s;:])([45])\d\d(?=[\s-]|$)/.exec(diagnostic);
  return (match?.[1] as '4' | '5' | undefined) ?? '';
}

/**
 * What a code alone says (RFC 3463, read strictly). Only X.1.1, X.1.2 and X.1.10 name an address
 * that does not exist, X.4.4 a domain that cannot be routed to; X.1.0 and X.1.3 say nothing
 * certain, and X.7.x is a refusal of the message or the sender.
 */
export function reasonFromStatus(status: string): BounceReason {
  const match = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(status);
  if (!match) return 'undefined';
  const [cls, subject, detail] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (cls === 2) return 'delivered';
  switch (subject) {
    case 1:
      if (detail === 1 || detail === 10) return 'userunknown';
      if (detail === 2) return 'hostunknown';
      if (detail === 6) return 'hasmoved';
      if (detail === 7 || detail === 8) return 'rejected';
      return 'undefined';
    case 2:
      if (detail === 1) return 'suspend';
      if (detail === 2) return 'mailboxfull';
      if (detail === 3) return 'exceedlimit';
      return 'systemerror';
    case 3:
      if (detail === 4) return 'exceedlimit';
      return 'systemerror';
    case 4:
      // X.4.3: a directory (routing) server failed, the receiver's own trouble.
      if (detail === 3) return 'systemerror';
      if (detail === 4) return 'hostunknown';
      if (detail === 7) return 'expired';
      return 'networkerror';
    case 5:
      return 'systemerror';
    case 6:
      return 'contenterror';
    case 7:
      return policyReason(detail);
    default:
      return 'undefined';
  }
}

/** RFC 3463 X.7.x and the registry's later additions (RFC 7372: SPF, DKIM, DMARC, reverse DNS). */
function policyReason(detail: number): BounceReason {
  if ([20, 21, 22, 23, 24, 26, 27, 28, 29, 30].includes(detail)) return 'authfailure';
  if (detail === 25) return 'requireptr';
  // X.7.9 is "authentication mechanism is too weak" (RFC 4954).
  if ([5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19].includes(detail)) return 'securityerror';
  if (detail === 0) return 'policyviolation';
  return 'blocked';
}
