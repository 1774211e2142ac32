import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { analyzeImport, decodeUpload, importSelection } from './importFile';
import { fetchNewSelections } from './importFolder';
import { recipientsSummary, setMailingSelections } from './mailingSelections';
import { getSelection, listSelections } from './selectionQueries';

type SelectionsHandlers = Pick<
  HandlerImpls,
  | 'selections.analyze'
  | 'selections.import'
  | 'selections.fetchNew'
  | 'selections.list'
  | 'selections.get'
  | 'mailings.setSelections'
  | 'mailings.recipients'
>;

export function createSelectionsHandlers(context: AppContext): SelectionsHandlers {
  return {
    'selections.analyze': ({ fileName, dataBase64, mapping, sheet }) =>
      analyzeImport(context, { fileName, bytes: decodeUpload(dataBase64), mapping, sheet }),
    'selections.import': ({ fileName, dataBase64, mapping, sheet, description }) =>
      importSelection(context, {
        fileName,
        bytes: decodeUpload(dataBase64),
        mapping,
        sheet,
        description,
      }),
    'selections.fetchNew': () => fetchNewSelections(context),
    'selections.list': () => listSelections(context),
    'selections.get': (input) => getSelection(context, input),
    'mailings.setSelections': ({ id, selectionIds }) =>
      setMailingSelections(context, id, selectionIds),
    'mailings.recipients': ({ id }) => recipientsSummary(context, id),
  };
}
