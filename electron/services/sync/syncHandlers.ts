import type { HandlerImpls } from '../core/handlerTable';
import type { SyncService } from './syncService';

export function createSyncHandlers(
  sync: SyncService,
): Pick<HandlerImpls, 'sync.now' | 'sync.status'> {
  return {
    'sync.now': () => sync.now(),
    'sync.status': () => sync.state(),
  };
}
