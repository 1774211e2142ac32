import { describe, expect, it } from 'vitest';
import { decideReason } from '../../../electron/services/bounces/decideReason';
import { actionFor, BOUNCE_REASONS } from '../../../electron/services/bounces/reasons';
import { innermostStatus, reasonFromStatus } from '../../../electron/services/bounces/statusCodes';

function reason(status: string, diagnostic: string, hosts = '') {
  return decideReason({ status, diagnostic, hosts });
}

describe('stage one: the reason (text over code, sender-side evidence first)', () => {
  it.each([
    [
      '5.1.1',
      '550 5.1.1 <a@b.nl>: Recipient address rejected: User unknown',
      'userunknown',
      'text',
    ],
    ['5.1.0', '550 5.1.0 <bounces@shop.nl>: Sender rejected', 'rejected', 'text'],
    ['5.1.1', '550 5.7.1 IP address 192.0.2.1 blacklisted', 'blocked', 'text'],
    ['5.1.3', '550 5.1.3 see https://www.spamhaus.org/query/ip/192.0.2.1', 'blocked', 'text'],
    ['5.1.0', '550 5.1.0 Message rejected: 552 5.2.2 Mailbox Full', 'mailboxfull', 'text'],
    ['', 'User a@b.nl (a@b.nl) not listed in Domino Directory', 'userunknown', 'text'],
    ['5.1.1', '550 5.1.1 Too many messages, rate limit exceeded', 'speeding', 'text'],
    [
      '5.7.1',
      '550 5.7.1 <a@b.nl>: Recipient address rejected: User unknown',
      'userunknown',
      'text',
    ],
    ['5.7.1', '550 5.7.1 Mailbox unavailable', 'blocked', 'code'],
    ['5.1.1', '550 5.1.1 Message failed SPF.', 'authfailure', 'text'],
    [
      '5.7.26',
      '550 5.7.26 Unauthenticated email is not accepted due to DMARC policy',
      'authfailure',
      'text',
    ],
    [
      '5.4.4',
      'Name service error for name=b.nl type=MX: Malformed or unexpected name server reply',
      'networkerror',
      'text',
    ],
    [
      '5.4.4',
      'Host or domain name not found. Name service error for name=b.nl type=A: Host not found',
      'hostunknown',
      'text',
    ],
    ['5.1.1', '', 'userunknown', 'code'],
    ['5.1.1', '550 5.1.1 <a@b.nl>', 'userunknown', 'code'],
    ['', 'Sorry, no mailbox here by that name. (#5.1.1)', 'userunknown', 'text'],
    ['4.7.1', '450 4.7.1 <a@b.nl>: Recipient address rejected: Greylisted', 'systemerror', 'text'],
    ['5.0.0', '550 Requested action not taken', 'undefined', 'code'],
    ['5.1.1', '550 5.1.1 User unknown; the sender should check the address', 'userunknown', 'text'],
    [
      '5.1.1',
      '550 5.1.1 <a@b.nl>: Recipient address rejected: User unknown; from=<bounces@shop.nl> to=<a@b.nl>',
      'userunknown',
      'text',
    ],
  ])('%s %s → %s (%s)', (status, diagnostic, expected, basis) => {
    const decision = reason(status, diagnostic);
    expect(decision.reason).toBe(expected);
    expect(decision.basis).toBe(basis);
  });

  it('reads a vendor code by the reporting host', () => {
    const text = '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)';
    expect(reason('5.4.1', text, 'mail.protection.outlook.com').reason).toBe('userunknown');
    expect(reason('5.1.0', '550 #5.1.0 Address rejected.', 'smtp.secureserver.net')).toMatchObject({
      reason: 'userunknown',
      basis: 'vendor',
    });
  });

  it('never lets a vendor call an address unknown against words about the sender', () => {
    const text = '550 5.1.1 recipient rejected: your sending IP is blocked (CXBL)';
    expect(reason('5.1.1', text, 'cox.net').reason).toBe('blocked');
  });

  it('judges by the innermost code of a wrapped diagnostic', () => {
    expect(reason('5.1.0', '550 5.1.0 Message rejected: 552 5.2.2 over quota').status).toBe(
      '5.2.2',
    );
  });
});

describe('stage two: the action from the reason', () => {
  it.each([
    ['userunknown', 'suppress'],
    ['hostunknown', 'suppress'],
    ['hasmoved', 'suppress'],
    ['blocked', 'pause'],
    ['spamdetected', 'pause'],
    ['policyviolation', 'pause'],
    ['authfailure', 'pause'],
    ['badreputation', 'pause'],
    ['requireptr', 'pause'],
    ['norelaying', 'pause'],
    ['rejected', 'pause'],
    ['securityerror', 'pause'],
    ['mailboxfull', 'soft'],
    ['suspend', 'soft'],
    ['expired', 'soft'],
    ['filtered', 'soft'],
    ['speeding', 'soft'],
    ['undefined', 'soft'],
    ['feedback', 'unsubscribe'],
    ['vacation', 'none'],
    ['delivered', 'none'],
  ] as const)('%s → %s', (r, action) => {
    expect(actionFor(r)).toBe(action);
  });

  it('has an action for every reason of the taxonomy', () => {
    expect(BOUNCE_REASONS).toHaveLength(27);
    for (const r of BOUNCE_REASONS)
      expect(actionFor(r)).toMatch(/^(suppress|pause|soft|unsubscribe|none)$/);
  });
});

describe('status codes (RFC 3463, read strictly)', () => {
  it('takes the innermost code, and qmail and GoDaddy spellings', () => {
    expect(innermostStatus('554 4.4.7 Message expired <421 4.4.0 Unable to lookup DNS>')).toBe(
      '4.4.0',
    );
    expect(innermostStatus('Sorry, no mailbox here by that name. (#5.1.1)')).toBe('5.1.1');
    expect(innermostStatus('550 #5.1.0 Address rejected.')).toBe('5.1.0');
    expect(innermostStatus('connect to 192.0.2.1:25 timed out')).toBe('');
  });

  it.each([
    ['5.1.1', 'userunknown'],
    ['5.1.2', 'hostunknown'],
    ['5.1.10', 'userunknown'],
    ['5.1.0', 'undefined'],
    ['5.1.3', 'undefined'],
    ['5.1.8', 'rejected'],
    ['5.2.2', 'mailboxfull'],
    ['5.4.4', 'hostunknown'],
    ['5.4.7', 'expired'],
    ['5.7.1', 'blocked'],
    ['5.7.25', 'requireptr'],
    ['5.7.26', 'authfailure'],
    ['2.0.0', 'delivered'],
  ])('%s → %s', (status, expected) => {
    expect(reasonFromStatus(status)).toBe(expected);
  });
});

describe('names that only look like evidence', () => {
  it.each([
    ['5.1.1', '550 5.1.1 <jan@spf.nl>: Recipient address rejected: User unknown'],
    ['5.1.1', '550 5.1.1 <anna@dkim-test.example>... User unknown'],
    ['5.1.1', '550 5.1.1 <ptr@winkel.example>: User unknown'],
    ['', 'User anna@b.nl (anna@b.nl) not listed in Domino Directory'],
  ])('%s %s stays an unknown user', (status, diagnostic) => {
    expect(decideReason({ status, diagnostic, hosts: '' }).reason).toBe('userunknown');
  });
});
