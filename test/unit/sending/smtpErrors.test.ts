import { describe, expect, it } from 'vitest';
import { deliveryOutcome, describeSmtpError } from '../../../electron/services/sending/smtpErrors';

const smtp = (responseCode: number, response: string, code = 'EENVELOPE') =>
  Object.assign(new Error(response), { code, responseCode, response });

describe('SMTP errors in plain words', () => {
  it.each([
    [
      smtp(550, '550 5.1.1 <x@example.nl>: Recipient address rejected: User unknown'),
      'hardBounce',
      'recipient',
    ],
    [smtp(550, '550 Requested action not taken: mailbox unavailable'), 'hardBounce', 'recipient'],
    [smtp(452, '452 4.2.2 Mailbox full'), 'retry', 'temporary'],
    [smtp(421, '421 4.7.0 Try again later', 'ECONNECTION'), 'retry', 'temporary'],
    [smtp(535, '535 5.7.8 Authentication credentials invalid', 'EAUTH'), 'pause', 'auth'],
    [smtp(550, '550 5.7.1 Sender not allowed by policy'), 'pause', 'policy'],
    [smtp(552, '552 5.2.2 Mailbox full'), 'softBounce', 'rejected'],
    [smtp(554, '554 5.6.0 Message content rejected'), 'fail', 'rejected'],
    [Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }), 'retry', 'dropped'],
    [
      Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ESOCKET',
        originalCode: 'ECONNREFUSED',
      }),
      'retry',
      'refused',
    ],
    [
      Object.assign(new Error('getaddrinfo ENOTFOUND smtp.x'), {
        code: 'EDNS',
        originalCode: 'ENOTFOUND',
      }),
      'retry',
      'hostUnknown',
    ],
    [
      Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }),
      'retry',
      'timeout',
    ],
    [Object.assign(new Error('wrong version number'), { code: 'ESOCKET' }), 'pause', 'tls'],
  ])('%s → %s (%s)', (error, action, kind) => {
    const outcome = deliveryOutcome(error);
    expect(outcome.action).toBe(action);
    expect(outcome.problem.kind).toBe(kind);
    expect(outcome.problem.key).toBe(`sending:smtp.${kind}`);
  });

  it('keeps the server words and the enhanced status code', () => {
    expect(describeSmtpError(smtp(550, '550 5.1.1 user unknown'))).toMatchObject({
      detail: '550 5.1.1 user unknown',
      enhanced: '5.1.1',
      responseCode: 550,
    });
  });
});
