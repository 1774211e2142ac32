import type { ChannelOutput } from '../../../electron/contract';
import { useChannelQuery } from '../data/useChannelQuery';

export type AppInfo = ChannelOutput<'app.info'>;

/** app.info, fetched again when credits or settings change (see data/staleAfter.ts). */
export function useAppInfo(): { info: AppInfo | null; error: unknown; refresh: () => void } {
  const query = useChannelQuery('app.info', {});
  return {
    info: query.data ?? null,
    error: query.error,
    refresh: () => void query.refetch(),
  };
}
