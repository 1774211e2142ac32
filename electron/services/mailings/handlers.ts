import type { HandlerImpls } from '../core/handlerTable';
import type { MailingsService } from './mailingsService';
import { previewMailing } from './preview';
import type { RenderInputDeps } from './renderInput';

type MailingChannels =
  | 'mailings.list'
  | 'mailings.create'
  | 'mailings.get'
  | 'mailings.update'
  | 'mailings.delete'
  | 'mailings.preview';

export function createMailingsHandlers(
  deps: RenderInputDeps & { mailings: MailingsService },
): Pick<HandlerImpls, MailingChannels> {
  const { mailings } = deps;
  return {
    'mailings.list': ({ status }) => mailings.list(status),
    'mailings.create': ({ type, fromId }) =>
      fromId ? mailings.copy(fromId) : mailings.createBlank(type),
    'mailings.get': ({ id }) => mailings.get(id),
    'mailings.update': ({ id, patch }) => mailings.update(id, patch),
    'mailings.delete': ({ id }) => {
      mailings.delete(id);
      return { ok: true as const };
    },
    'mailings.preview': ({ id, contactId }) => previewMailing(deps, id, contactId),
  };
}
