import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query';
import type { EventPayload } from '../../../electron/contract';
import type { Subscribe } from './staleAfter';

export type ImportProgress = EventPayload<'import.progress'>;

/** Not a channel: the cache entry the `import.progress` events of one file are written to. */
export function importProgressKey(fileName: string) {
  return ['event', 'import.progress', fileName] as const;
}

/** Keeps each file's latest `import.progress` in the cache; returns the unsubscribe. */
export function keepImportProgress(client: QueryClient, on: Subscribe): () => void {
  return on('import.progress', (progress) =>
    client.setQueryData(importProgressKey(progress.fileName), progress),
  );
}

/** The latest progress reported for this file, undefined before the first. Never asked for. */
export function useImportProgress(fileName: string): ImportProgress | undefined {
  return useQuery<ImportProgress>({
    queryKey: importProgressKey(fileName),
    queryFn: skipToken,
    staleTime: Infinity,
  }).data;
}

/** Starts the file's progress afresh (the preview reported its rows under the same name). */
export function resetImportProgress(client: QueryClient, fileName: string): void {
  client.setQueryData<ImportProgress>(importProgressKey(fileName), {
    fileName,
    rows: 0,
    done: false,
  });
}
