import type { BounceReason } from './reasons';

export interface ReasonPattern {
  reason: BounceReason;
  pattern: RegExp;
}

/**
 * Evidence that a refusal is about the sender — its address, IP, domain, authentication,
 * reputation, content or sending rate — and not about the customer's address. Tried before
 * anything else: such words override every address code (a `5.1.1` with "IP blacklisted" is
 * our problem, not the customer's). Phrases follow sisimai's reason classes.
 */
export const SENDER_SIDE_PATTERNS: readonly ReasonPattern[] = [
  {
    reason: 'securityerror',
    pattern:
      /\b(tls|starttls|encryption|secure connection) (is )?required|must issue a starttls|authentication required|must (be )?authenticat|auth ?required|certificate (verify|verification|validation|error|expired)|sendernotauthenticated|turn on (smtp )?authentication|without authentication/i,
  },
  {
    // Not inside a header name ("Received-SPF") or a host or address ("jan@spf.nl").
    reason: 'authfailure',
    pattern:
      /(?<![\w.@-])(spf|dkim|dmarc)(?![\w@-]|\.[a-z0-9])|unauthenticated (e-?mail|mail|message|sender)|sender authentication|not authenticated|authentication (check )?fail/i,
  },
  {
    reason: 'requireptr',
    pattern:
      /(?<![\w.@-])ptr(?![\w@-]|\.[a-z0-9])|reverse (dns|lookup|hostname|address)|\brdns\b|does not have a ptr|cannot find your hostname|hostname does not resolve|no reverse|unverif\w* sending ips?/i,
  },
  { reason: 'badreputation', pattern: /reputation|sender ?score|\bTSS0[49]\b/i },
  {
    // "not listed in Domino Directory" is Domino's unknown user, not a blocklist.
    reason: 'blocked',
    pattern:
      /block ?list|black ?list|deny ?list|blacklist|spamhaus|spamcop|barracuda|\bsorbs\b|\bdnsbl\b|\brbl\b|(?<!not )\blisted (in|on|at|by)\b(?! (the )?(domino|public name|local|directory|address book))|\bbanned\b|(client|sending|your|source) (host|ip|server|network|mta)\b.{0,60}\b(blocked|refused|rejected|denied|not allowed)|(ip|host|server|network|connection|you|message|mail|email|domain|envelope) (has been |was |is |are )?blocked|blocked (by|using|due|because|for)|not accepted from (this|your) ip|traffic not accepted|\bS3150\b|\bCXBL\b|AUP#|\bIB[15]\d\d\b|after initial connection|in reply to (helo|ehlo) command|greeting failed|my name was rejected|access denied.{0,20}\bip\b|use the smtp server of your isp|dynamic ip|dial-?up|host network not allowed/i,
  },
  {
    reason: 'spamdetected',
    pattern:
      /\bspam\b|junk ?mail|unsolicited|\bUCE\b|bulk (e-?)?mail|suspicious|content (was )?(rejected|blocked|refused)|\bCXMJ\b/i,
  },
  {
    reason: 'norelaying',
    pattern:
      /relay(ing)? (access )?(denied|not (permitted|allowed)|prohibited|refused)|not (permitted|allowed) to relay|unable to relay|we do not relay|no relaying|insecure mail relay/i,
  },
  {
    // sisimai's "rejected": the envelope sender (MAIL FROM) was refused.
    reason: 'rejected',
    pattern:
      /\bsender\b(?! (should|can|could|may|might|needs?) )|\bmail ?from\b|envelope[- ]from|return[- ]path|from address|<> invalid|bogus mail from|\bCXSNDR\b|purported responsible address|'send mail as'|permission to post|投稿する権限/i,
  },
  {
    reason: 'policyviolation',
    pattern:
      /\bpolic(y|ies)\b|administrative(ly)? prohibit|prohibited|not allowed by|external forwarding|\bCS01\b|\bHM08\b|header error/i,
  },
  {
    reason: 'toomanyconn',
    pattern:
      /too many (connections|concurrent|sessions|simultaneous)|connection (limit|rate)|max(imum)? connections/i,
  },
  {
    reason: 'speeding',
    pattern:
      /too many (messages|mails|e-?mails|recipients|requests)|\brate\b|throttl|unexpected volume|\bvolume\b|frequency|\bCXRL\b/i,
  },
];

/** Words that name the customer's address as unknown beyond doubt (keep 5.7.x from pausing). */
export const STRONG_UNKNOWN_USER =
  /user unknown|unknown (or illegal )?(user|recipient|mailbox|local[- ]?part)|no such (user|mailbox|recipient|account|person)|recipient not found|recipientnotfound|recipnotfound|user not found|mailbox not found|(user|mailbox|account|address|recipient)[^;\n]{0,60}?\b(does not|doesn't|did not) exist|not listed in (the )?(domino directory|public name)|doesn't have an? [\w.-]+ account|invalid (recipient|mailbox)|no mailbox here|recipient name is not recognized/i;

/**
 * The remote server refused only after the message's data (Exim "after end of data", Postfix
 * "in reply to end of DATA command"): the address was accepted at RCPT, so a "user unknown" then
 * is the recipient's own filter (ezweb, sisimai's "filtered"), not a missing address.
 */
export const AFTER_DATA = /after end of data|in reply to end of data command/i;

/** RFC 7505 Null MX: the domain says it accepts no mail at all. */
export const NULL_MX =
  /\bnull mx\b|doesn't receive email according to the administrator|mx or srv record indicated no smtp service/i;

/**
 * Postfix's refusal of the recipient address by the receiver's access table ("Recipient address
 * rejected: Access denied", often with 5.7.1): the address is closed to mail, not our sender.
 */
export const RECIPIENT_ACCESS_DENIED = /recipient address rejected: access denied/i;

/**
 * Everything else, first match wins: DNS trouble before "host unknown", a full or disabled
 * mailbox before "unknown", and the temporary ones last.
 */
export const RECIPIENT_PATTERNS: readonly ReasonPattern[] = [
  {
    reason: 'mailboxfull',
    pattern:
      /mailbox (is )?full|box (is )?full|mail ?folder (is )?full|mailbox exceeds|over ?quota|quota (exceeded|exceeds)|exceeded (the |its |his |her )?(storage|quota)|out of storage|insufficient (system )?storage|mailbox size limit|not enough (space|storage)|mail ?file is full|postvak (is )?vol|mailbox (is )?vol\b|postfach (ist )?voll/i,
  },
  {
    // Greylisting names the recipient address but only asks to come back later.
    reason: 'systemerror',
    pattern: /greylist|graylist|try again later|please (try again|retry)|probeer het later/i,
  },
  {
    // The relay's own verdict that it gave up wins over the last connection error it quotes.
    reason: 'expired',
    pattern:
      /message expired|delivery time expired|unable to deliver in \d+ (minutes|hours)|too long in (the )?queue|cannot send message for \d+ days?|have been failing for a long time/i,
  },
  {
    reason: 'hasmoved',
    pattern:
      /has moved|address (has )?changed|no longer (valid|in use|used|active|available|exists|with)|is no longer|moved to|new (e-?mail )?address is/i,
  },
  {
    reason: 'networkerror',
    pattern:
      /malformed or unexpected name server reply|name server (failure|timeout)|servfail|temporary (dns|lookup) failure|dns (timeout|error|failure)|no route to host|network (is )?unreachable|connection (timed out|refused|reset|lost)|did not accept our requests? to connect|socket error|lost connection|timed out|(mail|routing) loop|loop detected|too many hops|hop count exceeded/i,
  },
  {
    reason: 'hostunknown',
    pattern:
      /host or domain name not found|domain (name )?not found|no such (domain|host)|unrouteable (mail )?domain|domain (does not|doesn't) exist|(unknown|invalid) (domain|host)|(domain|host) (is )?unknown|host not found|nxdomain|\bno mx\b|null mx|mx (record|lookup)|name service error|domain does not accept mail|unrouteable address|couldn't find any host|all relevant mx records|non-existent hosts?|domain [\w.-]+ could(n't| not) be found|domain is not reachable/i,
  },
  {
    reason: 'exceedlimit',
    pattern:
      /message (size|length) exceeds|(message|mail) (is )?too (big|large|long)|exceeds (the )?(maximum|max|size)|size limit|size exceeds/i,
  },
  {
    reason: 'suspend',
    pattern:
      /disabled|deactivated|inactive|suspended|(account|mailbox) (is |has been )?(locked|frozen|closed|blocked|expired)|on hold/i,
  },
  {
    // The recipient's own settings refuse the mail (sisimai's "filtered"): not an unknown address.
    reason: 'filtered',
    pattern:
      /recipient('s)? (email )?preferences|refused by (the )?recipient|recipient has (blocked|filtered)|recipients? was rejected by a remote mail server/i,
  },
  { reason: 'userunknown', pattern: STRONG_UNKNOWN_USER },
  {
    reason: 'userunknown',
    pattern:
      /unknown (address|account)|(address|recipient) (not found|unknown|invalid)|not a valid (mailbox|user|recipient|address)|no mailbox|mailbox unavailable|mailbox (is )?(unavailable|not available)|invalid address|does not exist|doesn't exist|recipient (address )?rejected|not our customer|no valid recipients|address could(n't| not) be found|address rejected|check if (the )?address is correct|bestaat niet|onbekende (gebruiker|ontvanger|geadresseerde)|ongeldig (e-?mail)?adres|unbekannt|existiert nicht|n'existe pas|inconnu|introuvable/i,
  },
  {
    reason: 'expired',
    pattern:
      /delivery time expired|retry time(out)? (not reached|exceeded)|\bexpired\b|too long in (the )?queue|could not be delivered within|giving up|gave up/i,
  },
  { reason: 'virusdetected', pattern: /virus|malware|infected|trojan/i },
  {
    reason: 'contenterror',
    pattern:
      /header (syntax|format)|malformed (message|header|mime)|invalid (header|mime|message)|bare (lf|cr)|line too long|8-?bit|\bcontent\b/i,
  },
  {
    reason: 'systemerror',
    pattern:
      /temporar(il)?y|deferred|system (error|failure)|internal (server )?error|local error|insufficient resources|resources? (temporarily )?unavailable|service (not |un)available|malformed (recipient )?address|syntax error/i,
  },
  {
    reason: 'vacation',
    pattern: /out of (the )?office|on vacation|auto(matic)?[- ]?reply|afwezig/i,
  },
];

/** The first sender-side reason the words give, or undefined. */
export function senderSideReason(text: string): BounceReason | undefined {
  if (!text) return undefined;
  return SENDER_SIDE_PATTERNS.find((p) => p.pattern.test(text))?.reason;
}

/** The first recipient or transport reason the words give, or undefined. */
export function recipientReason(text: string): BounceReason | undefined {
  if (!text) return undefined;
  return RECIPIENT_PATTERNS.find((p) => p.pattern.test(text))?.reason;
}
