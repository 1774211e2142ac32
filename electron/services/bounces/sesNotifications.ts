import type { DsnRecipient, FeedbackReport } from './report';

/**
 * Amazon SES event notifications sent as mail (SNS e-mail subscriptions): JSON, sometimes wrapped
 * in an SNS envelope whose "Message" is the notification as an escaped string. A bounce becomes a
 * DSN recipient, a complaint an ARF report, anything else (Delivery) nothing. Read with patterns,
 * not JSON.parse: SNS mail folds long lines inside the JSON strings.
 */
export interface SesNotification {
  dsn: DsnRecipient[] | null;
  feedback: FeedbackReport | null;
}

const TYPE = /"notificationType"\s*:\s*"(\w+)"/;

export function sesNotification(text: string): SesNotification | null {
  if (!text.includes('notificationType')) return null;
  const json = text.replace(/\\"/g, '"').replace(/\r?\n[ \t]+/g, '');
  const type = TYPE.exec(json)?.[1];
  if (type === 'Bounce') return { dsn: bouncedRecipients(json), feedback: null };
  if (type === 'Complaint') {
    const recipient = field(json, 'emailAddress');
    const feedbackType = field(json, 'complaintFeedbackType') || 'abuse';
    return {
      dsn: null,
      feedback: { feedbackType, originalRcptTo: recipient, originalMailFrom: '', userAgent: 'SES' },
    };
  }
  return null;
}

function bouncedRecipients(json: string): DsnRecipient[] | null {
  const list = /"bouncedRecipients"\s*:\s*\[(.*?)\]/.exec(json)?.[1] ?? '';
  const recipients = [...list.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]);
  const temporary = field(json, 'bounceType') === 'Transient';
  const found = recipients
    .map((entry) => ({
      finalRecipient: field(entry, 'emailAddress').toLowerCase(),
      originalRecipient: '',
      action: field(entry, 'action') || (temporary ? 'delayed' : 'failed'),
      status: field(entry, 'status'),
      diagnosticCode: field(entry, 'diagnosticCode'),
      remoteMta: '',
      reportingMta: field(json, 'reportingMTA'),
    }))
    .filter((r) => r.finalRecipient !== '');
  return found.length > 0 ? found : null;
}

function field(json: string, name: string): string {
  return new RegExp(`"${name}"\\s*:\\s*"([^"]*)"`).exec(json)?.[1] ?? '';
}
