import type { AppContext } from '../../app';
import type { HandlerImpls } from '../core/handlerTable';
import { StatsDetails } from './statsDetails';
import { exportCsv } from './statsExport';
import { StatsQueries } from './statsQueries';

type StatsChannels = 'stats.list' | 'stats.get' | 'stats.details' | 'stats.export' | 'stats.home';

export function createStatsHandlers(context: AppContext): Pick<HandlerImpls, StatsChannels> {
  const queries = new StatsQueries(context.database.sqlite);
  const details = new StatsDetails(context.database.sqlite);
  return {
    'stats.list': () => queries.list(),
    'stats.get': ({ mailingId }) => queries.get(mailingId),
    'stats.details': (input) => {
      const stats = queries.get(input.mailingId);
      if (stats.anonymised) return { total: 0, rows: [], anonymised: true };
      return { ...details.page(input), anonymised: false };
    },
    'stats.export': (input) => exportCsv(queries, details, input, context.settings.read().language),
    'stats.home': () => queries.home(),
  };
}
