import { QueryClient, QueryObserver, skipToken } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../electron/contract';
import {
  importProgressKey,
  keepImportProgress,
  resetImportProgress,
  type ImportProgress,
} from '../../../renderer/src/data/importProgress';

/** Stands in for api.on's transport: delivers import.progress to whoever subscribed. */
function progressHub() {
  const listeners = new Set<(payload: ImportProgress) => void>();
  return {
    on: ((event: EventName, callback: (payload: ImportProgress) => void) => {
      if (event !== 'import.progress') return () => undefined;
      listeners.add(callback);
      return () => listeners.delete(callback);
    }) as never,
    emit: (payload: ImportProgress) => listeners.forEach((cb) => cb(payload)),
    count: () => listeners.size,
  };
}

/** What an import panel for this file shows, as useImportProgress reads it. */
function panel(client: QueryClient, fileName: string) {
  const seen: (ImportProgress | undefined)[] = [];
  const observer = new QueryObserver<ImportProgress>(client, {
    queryKey: importProgressKey(fileName),
    queryFn: skipToken,
    staleTime: Infinity,
  });
  const off = observer.subscribe((result) => seen.push(result.data));
  return { latest: () => observer.getCurrentResult().data, seen, off };
}

describe("importProgress: a running import's rows through the query cache", () => {
  it("keeps each file's latest progress where its panel reads it, without asking anything", () => {
    const client = new QueryClient();
    const hub = progressHub();
    const off = keepImportProgress(client, hub.on);
    const mei = panel(client, 'kassa-mei.csv');
    const juni = panel(client, 'kassa-juni.csv');
    expect(mei.latest()).toBeUndefined();

    hub.emit({ fileName: 'kassa-mei.csv', rows: 0, total: 12000, done: false });
    hub.emit({ fileName: 'kassa-mei.csv', rows: 5000, total: 12000, done: false });
    hub.emit({ fileName: 'kassa-juni.csv', rows: 40, total: 40, done: true });

    expect(mei.latest()).toEqual({
      fileName: 'kassa-mei.csv',
      rows: 5000,
      total: 12000,
      done: false,
    });
    expect(mei.seen.at(-1)?.rows).toBe(5000);
    expect(juni.latest()?.done).toBe(true);
    expect(
      client.getQueryCache().find({ queryKey: importProgressKey('kassa-mei.csv') })?.state
        .fetchStatus,
    ).toBe('idle');
    mei.off();
    juni.off();
    off();
    expect(hub.count()).toBe(0);
  });

  it("starts a file afresh at zero rows: the preview's rows of the same file are not shown", () => {
    const client = new QueryClient();
    const hub = progressHub();
    const off = keepImportProgress(client, hub.on);
    const view = panel(client, 'klanten.csv');
    hub.emit({ fileName: 'klanten.csv', rows: 800, done: false });

    resetImportProgress(client, 'klanten.csv');

    expect(view.latest()).toEqual({ fileName: 'klanten.csv', rows: 0, done: false });
    view.off();
    off();
  });
});
