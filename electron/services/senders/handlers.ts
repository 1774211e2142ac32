import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { dkimPublicKey, dkimRecord, generateDkimKey } from './dkim';
import { checkSenderDomain, type TxtResolver } from './dnsCheck';
import { listOutbox, openOutboxMessage } from './outbox';
import { testSmtpConnection } from './smtpTest';
import { sendVerificationCode, verificationState, verifyCode } from './verification';

type SendersChannels =
  | 'smtp.test'
  | 'senders.sendCode'
  | 'senders.verifyCode'
  | 'senders.verification'
  | 'dkim.get'
  | 'dkim.generate'
  | 'dns.check'
  | 'outbox.list'
  | 'outbox.open';

/** Sender set-up on the account page: connection test, verification, DKIM, DNS checks, outbox. */
export function createSendersHandlers(
  context: AppContext,
  resolver: () => TxtResolver,
): Pick<HandlerImpls, SendersChannels> {
  return {
    'smtp.test': ({ override: input }) => {
      const stored = context.settings.read().smtp;
      const smtp = input
        ? { host: input.host, port: input.port, security: input.security, user: input.user }
        : stored;
      const password = input?.password ?? context.settings.smtpPassword();
      return testSmtpConnection(smtp, password);
    },
    'senders.sendCode': ({ senderId }) => sendVerificationCode(context, senderId),
    'senders.verifyCode': ({ senderId, code }) => verifyCode(context, senderId, code),
    'senders.verification': ({ senderId }) => verificationState(context, senderId),
    'dkim.get': ({ domain }) => dkimRecord(context.kv, domain),
    'dkim.generate': ({ domain }) =>
      generateDkimKey(context.kv, context.cipher, domain, context.clock.now()),
    'dns.check': async ({ domain }) => ({
      domain,
      checks: await checkSenderDomain(resolver(), domain, dkimPublicKey(context.kv, domain)),
      checkedAt: context.clock.now(),
    }),
    'outbox.list': () => listOutbox(context.dataDir),
    'outbox.open': ({ file }) => openOutboxMessage(context.dataDir, file),
  };
}
