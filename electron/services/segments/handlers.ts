import { randomUUID } from 'node:crypto';
import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { HandlerImpls } from '../core/handlerTable';
import { recipientsSummary, requireEditableMailing } from '../selections/mailingSelections';
import { selectionStoreOf } from '../selections/selectionStore';
import { segmentColumns } from './mailingSegment';
import { segmentStoreOf } from './store/segmentStore';

type SegmentsHandlers = Pick<
  HandlerImpls,
  'mailings.segment' | 'mailings.setSegment' | 'segments.list' | 'segments.save' | 'segments.delete'
>;

export function createSegmentsHandlers(context: AppContext): SegmentsHandlers {
  const sqlite = context.database.sqlite;
  const segments = segmentStoreOf(sqlite);
  const selections = selectionStoreOf(sqlite);
  return {
    'mailings.segment': ({ id }) => {
      if (!selections.mailingExists(id))
        throw new DomainError(
          ERROR_CODES.notFound,
          'No such mailing',
          'selections:errors.noMailing',
        );
      return {
        segment: segments.mailingSegment(id),
        columns: segmentColumns(sqlite, selections.attachedSelectionIds(id)),
        sentMailings: segments.sentMailingsBesides(id),
      };
    },
    'mailings.setSegment': ({ id, segment }) => {
      requireEditableMailing(context, id);
      segments.setMailingSegment(id, segment, context.clock.now());
      return recipientsSummary(context, id);
    },
    // Alphabetically, in Dutch order.
    'segments.list': () =>
      segments.savedSegments().sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    // A segment saved under a name already is replaced (same id).
    'segments.save': ({ name, segment }) =>
      segments.saveSegment(randomUUID(), name, segment, context.clock.now()),
    'segments.delete': ({ id }) => {
      if (!segments.deleteSavedSegment(id))
        throw new DomainError(ERROR_CODES.notFound, 'No such segment', 'segments:errors.notFound');
      return { ok: true as const };
    },
  };
}
