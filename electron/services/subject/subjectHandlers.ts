import type { HandlerImpls } from '../core/handlerTable';
import { checkSubject } from './checkSubject';

/** mailings.checkSubject: needs nothing from the app, so it takes no context. */
export function createSubjectHandlers(): Pick<HandlerImpls, 'mailings.checkSubject'> {
  return {
    'mailings.checkSubject': (input) => ({ warnings: checkSubject(input) }),
  };
}
