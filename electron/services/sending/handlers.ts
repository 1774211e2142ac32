import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { assertAgreementsAccepted } from '../desktop/agreements';
import type { SendService } from './sendService';
import { sendTestMails, type TestSendDeps } from './testSend';

type SendingChannels =
  | 'send.test'
  | 'send.start'
  | 'send.pause'
  | 'send.resume'
  | 'send.cancel'
  | 'send.status'
  | 'send.list'
  | 'send.retryUncertain'
  | 'send.uncertain'
  | 'send.markUncertainNotSent';

export function createSendingHandlers(
  context: AppContext,
  service: SendService,
  testDeps: TestSendDeps = {},
): Pick<HandlerImpls, SendingChannels> {
  return {
    'send.test': (input) => {
      assertAgreementsAccepted(context.kv);
      return sendTestMails(context, input, testDeps);
    },
    // Covers scheduling too: a send with `at` is started the same way.
    'send.start': (input) => {
      assertAgreementsAccepted(context.kv);
      return service.startSend(input);
    },
    'send.pause': ({ sendId }) => service.pause(sendId),
    'send.resume': ({ sendId, acknowledgeRestore }) =>
      service.resume(sendId, acknowledgeRestore === true),
    'send.cancel': ({ sendId }) => service.cancel(sendId),
    'send.status': (input) =>
      'sendId' in input ? service.status(input.sendId) : service.statusForMailing(input.mailingId),
    'send.list': () => service.list(),
    'send.retryUncertain': ({ sendId }) => service.retryUncertain(sendId),
    'send.uncertain': ({ sendId }) => service.uncertain(sendId),
    'send.markUncertainNotSent': ({ sendId }) => service.markUncertainNotSent(sendId),
  };
}
