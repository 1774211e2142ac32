import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { addressStatus, listSuppression } from './addressStatus';
import { requestResubscribe } from './resubscribe';

type SuppressionHandlers = Pick<
  HandlerImpls,
  | 'suppression.list'
  | 'suppression.status'
  | 'suppression.add'
  | 'suppression.lift'
  | 'suppression.resubscribe'
>;

export function createSuppressionHandlers(context: AppContext): SuppressionHandlers {
  return {
    'suppression.list': (input) => listSuppression(context, input),
    'suppression.status': ({ email }) => addressStatus(context, email),
    'suppression.add': ({ email, reason, detail }) => {
      // The first reason stays (an unsubscribe remains an unsubscribe); adding again is harmless.
      context.suppression.suppress(email, reason, 'app', detail);
      return addressStatus(context, email);
    },
    'suppression.lift': ({ email }) => {
      const entry = context.suppression.get(email);
      if (!entry)
        throw new DomainError(
          ERROR_CODES.conflict,
          'This address is not blocked',
          'suppression:errors.notSuppressed',
        );
      if (entry.reason !== 'soft_bounce')
        throw new DomainError(
          ERROR_CODES.forbidden,
          'Only a soft-bounce block may be lifted by hand',
          'suppression:errors.cannotLift',
        );
      context.suppression.lift(email);
      return addressStatus(context, email);
    },
    'suppression.resubscribe': async ({ email }) => {
      const { sentTo } = await requestResubscribe(context, email);
      return { status: addressStatus(context, email), sentTo };
    },
  };
}
