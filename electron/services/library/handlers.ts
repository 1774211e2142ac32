import type { HandlerImpls } from '../core/handlerTable';
import type { LibraryService } from './libraryService';

type LibraryChannels =
  | 'library.list'
  | 'library.saveBlocks'
  | 'library.saveTemplate'
  | 'library.rename'
  | 'library.delete'
  | 'library.insertBlocks'
  | 'library.createMailing';

export function createLibraryHandlers(
  library: LibraryService,
): Pick<HandlerImpls, LibraryChannels> {
  return {
    'library.list': ({ kind }) => library.list(kind),
    'library.saveBlocks': ({ mailingId, blockIds, name }) =>
      library.saveBlocks(mailingId, blockIds, name),
    'library.saveTemplate': ({ mailingId, name }) => library.saveTemplate(mailingId, name),
    'library.rename': ({ id, name }) => library.rename(id, name),
    'library.delete': ({ id }) => {
      library.delete(id);
      return { ok: true as const };
    },
    'library.insertBlocks': ({ id, mailingId }) => ({
      blocks: library.insertBlocks(id, mailingId),
    }),
    'library.createMailing': ({ id }) => library.createMailing(id),
  };
}
