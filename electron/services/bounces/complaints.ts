import { extractAddress } from './headerFields';
import type { BounceReport } from './report';

export interface Complaint {
  /** ARF Feedback-Type; JMRP and Apple's unsubscribe notices count as 'abuse' (stop mailing). */
  feedbackType: string;
  recipient: string | null;
  detail: string;
}

/** Feedback types that are not a request to stop: DMARC/SPF failure reports and "not spam". */
const NOT_A_COMPLAINT = new Set(['auth-failure', 'not-spam', 'virus']);

/**
 * A customer's "stop": an ARF report (RFC 5965), Microsoft's JMRP (a forwarded copy with the
 * recipient in X-HmXmrOriginalRecipient, no feedback-report part), or the mail Apple Mail sends
 * when its Unsubscribe banner is used.
 */
export function detectComplaint(report: BounceReport): Complaint | null {
  const originalTo = extractAddress(report.original?.get('to') ?? '') || null;
  if (report.feedback || report.reportType === 'feedback-report') {
    const type = report.feedback?.feedbackType || 'abuse';
    return {
      feedbackType: NOT_A_COMPLAINT.has(type) ? type : 'abuse',
      recipient: report.feedback?.originalRcptTo || originalTo,
      detail: `Feedback-Type: ${type}`,
    };
  }
  const jmrpRecipient = report.original?.get('x-hmxmroriginalrecipient') ?? '';
  if (
    jmrpRecipient ||
    /staff@hotmail\.com/i.test(report.from) ||
    /^complaint about message from /i.test(report.subject)
  ) {
    return {
      feedbackType: 'abuse',
      recipient: extractAddress(jmrpRecipient) || originalTo,
      detail: 'Microsoft JMRP complaint',
    };
  }
  if (/Apple Mail sent this (e-?mail|message) to unsubscribe/i.test(report.text)) {
    return {
      feedbackType: 'abuse',
      recipient: extractAddress(report.from) || null,
      detail: 'Apple Mail unsubscribe',
    };
  }
  return null;
}
