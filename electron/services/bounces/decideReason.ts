import {
  AFTER_DATA,
  NULL_MX,
  RECIPIENT_ACCESS_DENIED,
  recipientReason,
  senderSideReason,
  STRONG_UNKNOWN_USER,
} from './diagnosticPatterns';
import { actionFor, type BounceReason } from './reasons';
import { basicReplyClass, effectiveStatus, reasonFromStatus } from './statusCodes';
import { vendorReason } from './vendorRules';

export interface RecipientDiagnostic {
  /** The Status field of the DSN (or a text bounce's code), '' when there is none. */
  status: string;
  /** This recipient's own diagnostic: the remote server's words, nothing from other recipients. */
  diagnostic: string;
  /** Reporting and remote hosts, the report's From and the recipient's domain (vendor rules). */
  hosts: string;
}

export interface ReasonDecision {
  reason: BounceReason;
  /** The code judged by (innermost code of the words, else the Status field). */
  status: string;
  /** Where the reason came from: the words (text, vendor) or the code alone. */
  basis: 'vendor' | 'text' | 'code' | 'none';
}

/**
 * Stage one for one failed recipient: the reason. Text over code, sender-side evidence over
 * everything: a vendor's own code, then words about the sender, then words about the address;
 * the status code only when the words say nothing. X.7.x stays a refusal unless the words name
 * the address as unknown beyond doubt.
 */
export function decideReason(input: RecipientDiagnostic): ReasonDecision {
  const text = input.diagnostic;
  const status = effectiveStatus(input.status, input.diagnostic);
  const vendor = vendorReason(input.hosts, text);
  const sender = senderSideReason(text);
  // RFC 7505: a Null MX of the recipient's domain is its own word that it takes no mail,
  // whatever code a relay gave it (Google writes 4.0.0); its code is 5.1.10.
  if (!sender && NULL_MX.test(text))
    return { reason: 'hostunknown', status: '5.1.10', basis: 'text' };
  if (vendor && !(sender && actionFor(vendor) === 'suppress')) {
    return { reason: vendor, status, basis: 'vendor' };
  }
  if (sender) return { reason: sender, status, basis: 'text' };
  const fromCode = reasonFromStatus(status);
  if (/^\d\.7\./.test(status)) {
    if (STRONG_UNKNOWN_USER.test(text) || RECIPIENT_ACCESS_DENIED.test(text)) {
      return { reason: 'userunknown', status, basis: 'text' };
    }
    const words = recipientReason(text);
    // Words about a full or disabled mailbox may explain a 5.7.x; address words may not.
    if (words && actionFor(words) === 'soft') return { reason: words, status, basis: 'text' };
    return { reason: fromCode, status, basis: 'code' };
  }
  const words = recipientReason(text);
  if (words) {
    if (words === 'userunknown' && AFTER_DATA.test(text)) {
      return { reason: 'filtered', status, basis: 'text' };
    }
    // X.4.4 is a missing host only when the words say so; a broken DNS reply is not.
    return { reason: words, status, basis: 'text' };
  }
  if (fromCode !== 'undefined') return { reason: fromCode, status, basis: 'code' };
  return { reason: 'undefined', status, basis: basicReplyClass(text) ? 'code' : 'none' };
}
