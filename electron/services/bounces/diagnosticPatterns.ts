export type FailureKind = 'hard' | 'soft' | 'blocked';

export interface DiagnosticPattern {
  kind: FailureKind;
  /** What the pattern recognises, for tests and logs. */
  label: string;
  pattern: RegExp;
}

/**
 * What remote servers write when they refuse a mail, in the order they are tried: the first match
 * wins, so words that make a refusal temporary or the sender's fault come before "unknown user".
 * Covers the wording of Postfix, Exim, Exchange/Office 365, Gmail, Yahoo, Outlook.com and common
 * Dutch servers.
 */
export const DIAGNOSTIC_PATTERNS: readonly DiagnosticPattern[] = [
  {
    kind: 'blocked',
    label: 'our sender address refused',
    pattern: /sender address rejected|sender (domain|address) (is )?(not|un)/i,
  },
  {
    kind: 'soft',
    label: 'mailbox full',
    pattern:
      /mailbox (is )?full|over ?quota|quota exceeded|exceeded (the |its )?(storage|quota)|out of storage|insufficient (system )?storage|mailbox size limit|postvak (is )?vol|mailbox (is )?vol\b/i,
  },
  {
    kind: 'soft',
    label: 'temporary problem',
    pattern:
      /greylist|try again later|temporar(il)?y|deferred|too many (connections|messages|recipients)|rate limit|resources? temporarily|connection timed out|probeer het later/i,
  },
  {
    kind: 'blocked',
    label: 'refused as spam or by policy',
    pattern:
      /spam|blocked|block ?list|blacklist|denylist|listed (at|in|on|by)|reputation|dmarc|\bspf\b|dkim|unauthenticated|policy|not accepted from this ip|traffic not accepted|content rejected|message (was )?refused|geweigerd|geblokkeerd/i,
  },
  {
    kind: 'hard',
    label: 'address or domain does not exist',
    pattern:
      /user unknown|unknown user|no such (user|mailbox|recipient|address|domain)|user not found|recipient not found|address not found|recipientnotfound|recipnotfound|unknown recipient|invalid recipient|recipient address rejected|does not exist|doesn't exist|doesn't have an? [\w.-]+ account|mailbox unavailable|mailbox not found|no mailbox|not a valid mailbox|account (has been |is )?disabled|mailbox (has been |is )?disabled|unrouteable address|relay(ing)? (access )?denied|host or domain name not found|domain not found|bestaat niet|onbekende (gebruiker|ontvanger)/i,
  },
];

export function matchDiagnostic(text: string): DiagnosticPattern | undefined {
  if (!text) return undefined;
  return DIAGNOSTIC_PATTERNS.find((p) => p.pattern.test(text));
}
