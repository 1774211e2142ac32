/**
 * What went wrong when talking to a mail server, in the few kinds a shopkeeper can act on. Each kind
 * has a translation key in sending.json (`sending:smtp.<kind>`); `detail` is the server's own words
 * for the log and the "details" fold-out.
 */
export type SmtpProblemKind =
  | 'auth'
  | 'refused'
  | 'hostUnknown'
  | 'timeout'
  | 'tls'
  | 'dropped'
  | 'policy'
  | 'recipient'
  | 'temporary'
  | 'rejected'
  | 'unknown';

export interface SmtpProblem {
  kind: SmtpProblemKind;
  key: string;
  detail: string;
  responseCode?: number;
  /** The enhanced status code (RFC 3463) such as "5.1.1", when the server gave one. */
  enhanced?: string;
}

interface NodemailerLikeError {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

export function enhancedStatus(text: string | undefined): string | undefined {
  const match = text ? ENHANCED.exec(text) : null;
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}

function asError(error: unknown): NodemailerLikeError {
  if (error && typeof error === 'object') return error as NodemailerLikeError;
  return { message: String(error) };
}

export function describeSmtpError(error: unknown): SmtpProblem {
  const e = asError(error);
  const detail = (e.response ?? e.message ?? String(error)).slice(0, 500);
  const enhanced = enhancedStatus(e.response);
  const base = {
    detail,
    ...(e.responseCode ? { responseCode: e.responseCode } : {}),
    ...(enhanced ? { enhanced } : {}),
  };
  const kind = problemKind(e, enhanced);
  return { kind, key: `sending:smtp.${kind}`, ...base };
}

function problemKind(e: NodemailerLikeError, enhanced: string | undefined): SmtpProblemKind {
  const code = e.code ?? '';
  const system = e.originalCode ?? '';
  const status = e.responseCode ?? 0;
  if (code === 'EAUTH' || code === 'ENOAUTH' || status === 535 || status === 534 || status === 530)
    return 'auth';
  if (enhanced?.startsWith('5.7')) return 'policy';
  if (enhanced && /^5\.1\.\d+$/.test(enhanced)) return 'recipient';
  if (status === 550 || status === 551 || status === 553) {
    if (
      /user unknown|no such user|does not exist|unknown user|mailbox unavailable/i.test(
        e.response ?? '',
      )
    )
      return 'recipient';
  }
  if (status >= 400 && status < 500) return 'temporary';
  if (status >= 500) return 'rejected';
  if (system === 'ECONNREFUSED' || system === 'EHOSTUNREACH' || system === 'ENETUNREACH')
    return 'refused';
  if (system === 'ENOTFOUND' || system === 'EAI_AGAIN' || code === 'EDNS') return 'hostUnknown';
  if (code === 'ETLS' || /certificate|SSL|TLS|wrong version number/i.test(e.message ?? ''))
    return 'tls';
  if (code === 'ETIMEDOUT' || system === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || system === 'ECONNRESET' || system === 'EPIPE')
    return 'dropped';
  return 'unknown';
}

/** What the queue does with a job whose delivery failed. */
export type DeliveryOutcome =
  | { action: 'retry'; problem: SmtpProblem }
  | { action: 'hardBounce'; problem: SmtpProblem }
  | { action: 'softBounce'; problem: SmtpProblem }
  | { action: 'fail'; problem: SmtpProblem }
  /** The whole send stops: the same error would hit every next message. */
  | { action: 'pause'; problem: SmtpProblem };

export function deliveryOutcome(error: unknown): DeliveryOutcome {
  const problem = describeSmtpError(error);
  switch (problem.kind) {
    case 'auth':
    case 'policy':
    case 'tls':
      return { action: 'pause', problem };
    case 'recipient':
      return { action: 'hardBounce', problem };
    case 'rejected':
      // 5.2.2 mailbox full is permanent for this message but not for the address.
      return problem.enhanced?.startsWith('5.2.')
        ? { action: 'softBounce', problem }
        : { action: 'fail', problem };
    case 'temporary':
    case 'dropped':
    case 'timeout':
    case 'refused':
    case 'hostUnknown':
    case 'unknown':
      return { action: 'retry', problem };
  }
}
