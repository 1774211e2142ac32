/** What the parsers extract from a message in the bounce mailbox; the classifier needs nothing else. */
export interface DsnRecipient {
  finalRecipient: string;
  originalRecipient: string;
  action: string;
  status: string;
  diagnosticCode: string;
  remoteMta: string;
  /** Reporting-MTA of the per-message group (whose system wrote the report). */
  reportingMta: string;
}

export interface FeedbackReport {
  feedbackType: string;
  originalRcptTo: string;
  originalMailFrom: string;
  userAgent: string;
}

export interface BounceReport {
  subject: string;
  from: string;
  /** Values of headers that may carry the VERP address the mail was sent from (To, Delivered-To, …). */
  envelopeHints: string[];
  /** Message-IDs in In-Reply-To and References: Exchange and Gmail name the bounced mail there. */
  inReplyTo: string[];
  autoSubmitted: string;
  precedence: string;
  /** X-Autoreply, X-Autorespond or X-Autoresponder present. */
  autoReplyHeader: boolean;
  /** X-Failed-Recipients (Exim, Gmail). */
  failedRecipients: string[];
  /** e.g. multipart/report, lower-cased, no parameters. */
  contentType: string;
  /** report-type parameter of a multipart/report. */
  reportType: string;
  /** Per-recipient fields of a message/delivery-status part; null when there is none. */
  deliveryStatus: DsnRecipient[] | null;
  feedback: FeedbackReport | null;
  /** Headers of the returned original message (lower-cased names), when the report includes them. */
  original: Map<string, string> | null;
  /** Human-readable text of the report, without any copy of the original message (capped). */
  text: string;
}

export const TEXT_LIMIT = 8000;
