import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { assertAgreementsAccepted } from '../desktop/agreements';
import type { FollowUpService } from './followUpService';

type Channels =
  | 'followUps.estimate'
  | 'followUps.schedule'
  | 'followUps.list'
  | 'followUps.forMailing'
  | 'followUps.cancel';

export function createFollowUpsHandlers(
  context: AppContext,
  service: FollowUpService,
): Pick<HandlerImpls, Channels> {
  return {
    'followUps.estimate': ({ mailingId, days }) => service.estimate(mailingId, days),
    'followUps.schedule': (input) => {
      // Planning it is the shop's decision to send: the same gate as send.start with a moment.
      assertAgreementsAccepted(context.kv);
      return service.schedule(input);
    },
    'followUps.list': () => service.list(),
    'followUps.forMailing': ({ mailingId }) => service.forMailing(mailingId),
    'followUps.cancel': ({ mailingId }) => service.cancel(mailingId),
  };
}
