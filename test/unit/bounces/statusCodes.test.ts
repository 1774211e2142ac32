import { describe, expect, it } from 'vitest';
import { matchDiagnostic } from '../../../electron/services/bounces/diagnosticPatterns';
import { classifyFailure, effectiveStatus } from '../../../electron/services/bounces/statusCodes';

describe('classifyFailure (RFC 3463 codes, then the server words)', () => {
  it.each([
    ['5.1.1', '', 'hard'],
    ['5.1.2', '', 'hard'],
    ['5.1.6', 'mailbox moved', 'hard'],
    ['5.1.10', '', 'hard'],
    ['5.1.8', 'bad sender domain', 'blocked'],
    ['5.2.1', 'mailbox disabled', 'hard'],
    ['5.2.2', 'mailbox full', 'soft'],
    ['4.2.2', 'over quota', 'soft'],
    ['5.4.4', '', 'hard'],
    ['5.4.1', 'Recipient address rejected: Access denied', 'hard'],
    ['5.4.7', 'delivery time expired', 'soft'],
    ['5.7.1', 'Message rejected as spam', 'blocked'],
    ['5.7.26', 'DMARC policy', 'blocked'],
    ['5.7.1', 'Recipient address rejected: User unknown', 'hard'],
    ['5.7.1', 'Sender address rejected: Domain not found', 'blocked'],
    ['4.7.1', 'Greylisted, try again later', 'soft'],
    ['5.0.0', 'No such user here', 'hard'],
    ['5.0.0', 'something nobody recognises', 'soft'],
    ['', "554 delivery error: dd This user doesn't have a yahoo.com account", 'hard'],
    ['', '550 Recipient address rejected: Greylisted', 'soft'],
  ])('%s %s → %s', (status, text, kind) => {
    expect(classifyFailure(status, text)).toBe(kind);
  });

  it('prefers the precise code from the server text over a generic x.0.0 status', () => {
    expect(effectiveStatus('5.0.0', '550 5.5.0 mailbox unavailable')).toBe('5.5.0');
    expect(effectiveStatus('5.0.0', '450 4.2.0 later')).toBe('5.0.0');
    expect(effectiveStatus('5.1.1', '550 5.7.1 whatever')).toBe('5.1.1');
    expect(effectiveStatus('', 'no code at all')).toBe('');
  });

  it('tries temporary and sender problems before "unknown address"', () => {
    expect(matchDiagnostic('Recipient address rejected: Greylisted')?.kind).toBe('soft');
    expect(matchDiagnostic('Postvak is vol')?.kind).toBe('soft');
    expect(matchDiagnostic('Dit adres bestaat niet')?.kind).toBe('hard');
    expect(matchDiagnostic('')).toBeUndefined();
  });
});
