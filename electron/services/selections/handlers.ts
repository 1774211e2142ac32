import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { analyzeImport, decodeUpload, importSelection, type ImportFileSource } from './importFile';
import { fetchNewSelections } from './importFolder';
import { recipientsSummary, setMailingSelections } from './mailingSelections';
import { getSelection, listSelections } from './selectionQueries';
import { clearUploads, discardUpload, uploadPath } from './uploads';

type SelectionsHandlers = Pick<
  HandlerImpls,
  | 'selections.analyze'
  | 'selections.import'
  | 'selections.discardUpload'
  | 'selections.fetchNew'
  | 'selections.list'
  | 'selections.get'
  | 'mailings.setSelections'
  | 'mailings.recipients'
>;

interface NamedFile {
  filePath?: string;
  uploadId?: string;
  dataBase64?: string;
}

/** The contract lets exactly one of the three through. */
function fileOf(context: AppContext, input: NamedFile): ImportFileSource {
  if (input.filePath !== undefined) return { path: input.filePath };
  if (input.uploadId !== undefined) return { path: uploadPath(context.dataDir, input.uploadId) };
  return { bytes: decodeUpload(input.dataBase64 ?? '') };
}

export function createSelectionsHandlers(context: AppContext): SelectionsHandlers {
  // Uploads of an earlier run wait for an import that will never come.
  clearUploads(context.dataDir);
  return {
    'selections.analyze': ({ fileName, mapping, sheet, ...named }) =>
      analyzeImport(context, { fileName, file: fileOf(context, named), mapping, sheet }),
    'selections.import': async ({ fileName, mapping, sheet, description, ...named }) => {
      const result = await importSelection(context, {
        fileName,
        file: fileOf(context, named),
        mapping,
        sheet,
        description,
      });
      // A failed import keeps its upload: the shop may change the mapping and try again.
      if (named.uploadId !== undefined) discardUpload(context.dataDir, named.uploadId);
      return result;
    },
    'selections.discardUpload': ({ uploadId }) => {
      discardUpload(context.dataDir, uploadId);
      return {};
    },
    'selections.fetchNew': () => fetchNewSelections(context),
    'selections.list': () => listSelections(context),
    'selections.get': (input) => getSelection(context, input),
    'mailings.setSelections': ({ id, selectionIds }) =>
      setMailingSelections(context, id, selectionIds),
    'mailings.recipients': ({ id }) => recipientsSummary(context, id),
  };
}
