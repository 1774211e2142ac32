import type { MailingT } from '../../contract/mailings';
import type { AppContext } from '../core/appContext';
import { resolveSender } from '../mailings/renderInput';
import { checkSubject } from '../subject/checkSubject';
import type { Check } from './check';

/** Step 1 (Algemeen): subject and top line. */
export function subjectChecks(mailing: MailingT): Check[] {
  const warnings = checkSubject({ subject: mailing.subject, topLine: mailing.topLine });
  return (['subject', 'topLine'] as const).map((field): Check => {
    const value = field === 'subject' ? mailing.subject : mailing.topLine;
    if (value.trim() === '') {
      // The manual calls a newsletter's top line optional; a voucher's tells what it is worth.
      const optional = field === 'topLine' && mailing.type === 'newsletter';
      return optional
        ? { id: field, status: 'warn', outcome: 'optional' }
        : { id: field, status: 'fail', outcome: 'empty' };
    }
    const own = warnings.find((w) => w.field === field);
    if (!own) return { id: field, status: 'ok', outcome: 'ok' };
    return {
      id: field,
      status: 'warn',
      outcome: own.code,
      key: own.key,
      ...(own.params ? { params: own.params } : {}),
    };
  });
}

/** Step 1: the sender (verified?) and where replies go; `email` feeds the DNS checks. */
export function senderChecks(
  context: Pick<AppContext, 'settings'>,
  mailing: MailingT,
): { checks: Check[]; email: string | null } {
  const identity = context.settings.read().senders.find((s) => s.id === mailing.from);
  if (!identity) {
    return { checks: [{ id: 'from', status: 'fail', outcome: 'missing' }], email: null };
  }
  const { replyTo } = resolveSender(context.settings, mailing);
  const email = { email: identity.email };
  return {
    email: identity.email,
    checks: [
      identity.verified
        ? { id: 'from', status: 'ok', outcome: 'ok', params: email }
        : {
            id: 'from',
            status: 'fail',
            outcome: 'unverified',
            params: email,
            fixAt: { account: 'verification' },
          },
      replyTo
        ? { id: 'replyTo', status: 'ok', outcome: 'ok', params: { email: replyTo } }
        : { id: 'replyTo', status: 'warn', outcome: 'missing' },
    ],
  };
}

/** Step 5: a test mail after the last change of the content. */
export function testCheck(mailing: MailingT): Check {
  if (mailing.lastTestAt === null) return { id: 'test', status: 'fail', outcome: 'never' };
  if (mailing.lastTestAt < mailing.contentChangedAt) {
    return {
      id: 'test',
      status: 'fail',
      outcome: 'outdated',
      params: { testedAt: mailing.lastTestAt, changedAt: mailing.contentChangedAt },
    };
  }
  return { id: 'test', status: 'ok', outcome: 'ok', params: { testedAt: mailing.lastTestAt } };
}
