import type { ReasonPattern } from './diagnosticPatterns';
import type { BounceReason } from './reasons';

interface Vendor {
  name: string;
  /** Matched against the reporting and remote hosts, the report's From and the recipient's domain. */
  hosts: RegExp;
  rules: readonly ReasonPattern[];
}

/**
 * What the big receivers mean by their own codes and wording, where the generic phrases would
 * read them wrongly (from their postmaster pages and the codes sisimai's vendor modules list).
 */
export const VENDORS: readonly Vendor[] = [
  {
    name: 'google',
    hosts: /google\.com|gmail\.com|googlemail\.com/i,
    rules: [
      {
        reason: 'userunknown',
        pattern: /NoSuchUser|account that you tried to reach does not exist/i,
      },
      { reason: 'suspend', pattern: /account that you tried to reach is (disabled|inactive)/i },
      {
        reason: 'mailboxfull',
        pattern: /OverQuota|account that you tried to reach is over quota/i,
      },
      {
        reason: 'speeding',
        pattern: /receiving mail at a rate|unusual rate|UnsolicitedRateLimit/i,
      },
      { reason: 'badreputation', pattern: /low reputation|reputation of the sending/i },
      { reason: 'requireptr', pattern: /PTR record|IPv6 sending guidelines/i },
      {
        reason: 'authfailure',
        pattern: /unauthenticated|does not pass authentication|DMARC|SPF|DKIM/i,
      },
      { reason: 'spamdetected', pattern: /likely unsolicited|\bspam\b/i },
      { reason: 'securityerror', pattern: /security issue|blocked because its content presents/i },
      { reason: 'policyviolation', pattern: /illegal attachment|policy/i },
    ],
  },
  {
    name: 'microsoft',
    hosts:
      /outlook\.com|hotmail\.|live\.com|msn\.com|office365|protection\.outlook|prod\.outlook|exchangelabs/i,
    rules: [
      // Directory-Based Edge Blocking: the address does not exist in the tenant.
      {
        reason: 'userunknown',
        pattern:
          /AS\(201806281\)|RecipientNotFound|RESOLVER\.ADR\.RecipNotFound|Recipient not found by SMTP address lookup/i,
      },
      {
        reason: 'userunknown',
        pattern:
          /5\.5\.0 Requested action not taken: mailbox unavailable|5\.1\.1 .*mailbox unavailable/i,
      },
      { reason: 'badreputation', pattern: /5\.7\.708|traffic not accepted from this IP/i },
      {
        // SC-001…SC-004: mail from our IP refused for its reputation or volume of unwanted mail.
        reason: 'blocked',
        pattern: /\bS3150\b|5\.7\.606|5\.7\.511|banned sending IP|block list|\bSC-?00[1-4]\b/i,
      },
      {
        reason: 'rejected',
        pattern: /5\.7\.750|unregistered domain|client blocked from sending from unregistered/i,
      },
      {
        reason: 'authfailure',
        pattern: /5\.7\.509|5\.7\.515|does not pass DMARC|authentication requirements/i,
      },
      {
        reason: 'securityerror',
        pattern:
          /RESOLVER\.RST\.AuthRequired|NotAuthenticatedForGroup|RESOLVER\.RST\.NotAuthorized/i,
      },
      {
        reason: 'policyviolation',
        pattern: /5\.7\.520|external forwarding|RESOLVER\.RST\.RecipSizeLimit/i,
      },
      { reason: 'mailboxfull', pattern: /QuotaExceeded|mailbox is full|STOREDRV\.Deliver.*quota/i },
      { reason: 'networkerror', pattern: /5\.4\.14|hop count exceeded/i },
    ],
  },
  {
    name: 'yahoo',
    hosts: /yahoo|yahoodns|ymail\.com|rocketmail|aol\.com|aol\.net/i,
    rules: [
      {
        reason: 'userunknown',
        pattern: /doesn't have an? [\w.-]+ account|dd This user|554\.30 .*does not exist/i,
      },
      { reason: 'suspend', pattern: /mailbox (is )?disabled|\(554\.30\)/i },
      { reason: 'mailboxfull', pattern: /over quota|mailbox is full/i },
      { reason: 'badreputation', pattern: /\[TSS0[49]\]|\[TS0[1-3]\]|user complaints/i },
      { reason: 'blocked', pattern: /\[TSS0[1-3]\]|\[TSS0[5-8]\]|permanently deferred/i },
      { reason: 'authfailure', pattern: /DMARC|DKIM|SPF|authentication/i },
      { reason: 'policyviolation', pattern: /5\.7\.9|not accepted for policy reasons/i },
    ],
  },
  {
    name: 'apple',
    hosts: /icloud\.com|me\.com|mac\.com|apple\.com/i,
    rules: [
      { reason: 'userunknown', pattern: /user does not exist|no such user/i },
      { reason: 'mailboxfull', pattern: /over quota|mailbox full/i },
      { reason: 'policyviolation', pattern: /\[(CS0\d|HM0\d)\]|local policy/i },
      { reason: 'blocked', pattern: /\[(IP|IPREP|RBL)\d*\]/i },
    ],
  },
  {
    name: 'godaddy',
    hosts: /secureserver\.net|godaddy/i,
    rules: [
      // After RCPT TO, "#5.1.0 Address rejected" is GoDaddy's unknown recipient.
      { reason: 'userunknown', pattern: /#5\.1\.0 Address rejected|recipient rejected/i },
      { reason: 'blocked', pattern: /\bIB(1\d\d|5\d\d)\b|blocked for (spam|rbl|abuse)/i },
      { reason: 'spamdetected', pattern: /\bIB(2\d\d)\b|message rejected as spam/i },
      { reason: 'virusdetected', pattern: /\bIB705\b|virus/i },
      { reason: 'speeding', pattern: /\bIB(4\d\d)\b|too many/i },
    ],
  },
  {
    name: 'cox',
    hosts: /cox\.net|cox\.com|cloudfilter\.net/i,
    rules: [
      { reason: 'userunknown', pattern: /recipient rejected|\bCXRCPT\b|\bCXMB\b/i },
      { reason: 'blocked', pattern: /\bCXBL\b|\bCXTHRT\b|\bCXCNCT\b/i },
      { reason: 'rejected', pattern: /\bCXSNDR\b|\bCXDNS\b/i },
      { reason: 'spamdetected', pattern: /\bCXMJ\b|\bCXSMTP\b/i },
      { reason: 'speeding', pattern: /\bCXRL\b|\bCXMXRT\b|\bCXCNCT\b/i },
    ],
  },
  {
    name: 'spectrum',
    hosts: /charter\.net|rr\.com|spectrum\.net|twc\.com|brighthouse\.com/i,
    rules: [
      // 1310: too many messages from our IP for now (sisimai: ratelimited), before the 1xxx blocks.
      { reason: 'speeding', pattern: /AUP#(O-?1\d\d\d|CXRL|RL|In?-?1310)/i },
      { reason: 'blocked', pattern: /AUP#(CXBL|BL|I-?1\d\d\d|IN-?1\d\d\d)/i },
      { reason: 'rejected', pattern: /AUP#(CXSNDR|MXRT)/i },
      { reason: 'userunknown', pattern: /AUP#(MBX|RCPT)|mailbox unavailable|User unknown/i },
    ],
  },
];

/** The vendor's own reading of a diagnostic, when a known receiver reported or refused it. */
export function vendorReason(hosts: string, diagnostic: string): BounceReason | undefined {
  if (!hosts || !diagnostic) return undefined;
  for (const vendor of VENDORS) {
    if (!vendor.hosts.test(hosts)) continue;
    const rule = vendor.rules.find((r) => r.pattern.test(diagnostic));
    if (rule) return rule.reason;
  }
  return undefined;
}
