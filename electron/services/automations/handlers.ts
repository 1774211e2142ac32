import type { HandlerImpls } from '../core/handlerTable';
import type { AutomationService } from './automationService';

type Channels =
  | 'automations.list'
  | 'automations.get'
  | 'automations.save'
  | 'automations.activate'
  | 'automations.pause'
  | 'automations.delete'
  | 'automations.runs';

export function createAutomationsHandlers(
  service: AutomationService,
): Pick<HandlerImpls, Channels> {
  return {
    'automations.list': () => service.list(),
    'automations.get': ({ id }) => service.get(id),
    'automations.save': (draft) => service.save(draft),
    'automations.activate': ({ id, confirmed }) => service.activate(id, confirmed),
    'automations.pause': ({ id }) => service.pause(id),
    'automations.delete': ({ id }) => {
      service.delete(id);
      return { ok: true as const };
    },
    'automations.runs': ({ id }) => service.runs(id),
  };
}
