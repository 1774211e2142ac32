import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { snapshotOfMailing } from '../sending/snapshots';
import { statsAggregatesOf } from './statsAggregateStore';
import { StatsDetails } from './statsDetails';
import { exportCsv } from './statsExport';
import { StatsQueries } from './statsQueries';

type StatsChannels = 'stats.list' | 'stats.get' | 'stats.details' | 'stats.export' | 'stats.home';

export function createStatsHandlers(context: AppContext): Pick<HandlerImpls, StatsChannels> {
  const sqlite = context.database.sqlite;
  const queries = new StatsQueries(sqlite);
  const details = new StatsDetails(sqlite);

  /**
   * Clicks carry link ids; when the link table was not recorded at send.start (a send from before
   * snapshots), it is taken from the send snapshot, never from a recompile of the mailing.
   */
  async function ensureLinkUrls(mailingId: string): Promise<void> {
    if (!queries.hasClicksWithoutUrl(mailingId)) return;
    try {
      const snapshot = await snapshotOfMailing(context, mailingId);
      if (snapshot && snapshot.links.length > 0)
        statsAggregatesOf(sqlite).recordMailingLinks(mailingId, snapshot.links);
    } catch (error) {
      context.logger.info(`stats: link table of ${mailingId} not rebuilt`, error);
    }
  }

  return {
    'stats.list': () => queries.list(),
    'stats.get': async ({ mailingId }) => {
      const stats = queries.get(mailingId);
      if (stats.links.some((link) => link.url === null)) {
        await ensureLinkUrls(mailingId);
        return queries.get(mailingId);
      }
      return stats;
    },
    'stats.details': (input) => {
      const stats = queries.get(input.mailingId);
      if (stats.anonymised) return { total: 0, rows: [], anonymised: true };
      return { ...details.page(input), anonymised: false };
    },
    'stats.export': (input) => exportCsv(queries, details, input, context.settings.read().language),
    'stats.home': () => queries.home(),
  };
}
