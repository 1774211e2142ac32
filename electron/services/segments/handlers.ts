import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { HandlerImpls } from '../core/handlerTable';
import { recipientsSummary, requireEditableMailing } from '../selections/mailingSelections';
import { readMailingSegment, segmentColumns, writeMailingSegment } from './mailingSegment';
import { deleteSavedSegment, listSavedSegments, saveSegment } from './savedSegments';

type SegmentsHandlers = Pick<
  HandlerImpls,
  'mailings.segment' | 'mailings.setSegment' | 'segments.list' | 'segments.save' | 'segments.delete'
>;

/** Earlier sent mailings whose per-person statistics are still kept (three months). */
function sentMailings(context: AppContext, mailingId: string) {
  return context.database.sqlite
    .prepare(
      `select m.id, m.subject, max(s.started_at) as sentAt from sends s
       join mailings m on m.id = s.mailing_id
       left join stats_mailings sm on sm.mailing_id = m.id
       where s.started_at is not null and m.id != ? and sm.anonymised_at is null
       group by m.id order by sentAt desc limit 100`,
    )
    .all(mailingId) as { id: string; subject: string; sentAt: number }[];
}

function attachedSelections(context: AppContext, mailingId: string): string[] {
  return context.database.sqlite
    .prepare('select selection_id from mailing_selections where mailing_id = ?')
    .pluck()
    .all(mailingId) as string[];
}

export function createSegmentsHandlers(context: AppContext): SegmentsHandlers {
  const sqlite = context.database.sqlite;
  return {
    'mailings.segment': ({ id }) => {
      if (!sqlite.prepare('select 1 from mailings where id = ?').get(id))
        throw new DomainError(
          ERROR_CODES.notFound,
          'No such mailing',
          'selections:errors.noMailing',
        );
      return {
        segment: readMailingSegment(sqlite, id),
        columns: segmentColumns(sqlite, attachedSelections(context, id)),
        sentMailings: sentMailings(context, id),
      };
    },
    'mailings.setSegment': ({ id, segment }) => {
      requireEditableMailing(context, id);
      writeMailingSegment(sqlite, id, segment, context.clock.now());
      return recipientsSummary(context, id);
    },
    'segments.list': () => listSavedSegments(sqlite),
    'segments.save': ({ name, segment }) => saveSegment(sqlite, name, segment, context.clock.now()),
    'segments.delete': ({ id }) => {
      deleteSavedSegment(sqlite, id);
      return { ok: true as const };
    },
  };
}
