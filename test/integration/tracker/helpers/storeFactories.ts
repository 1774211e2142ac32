import { join } from 'node:path';
import { openPostgresStore, openSqliteStore } from '../../../../tracker/store/openStore';
import type { TrackerStore } from '../../../../tracker/store/types';
import { tempDir } from '../../../helpers/tempDir';
import type { PostgresCluster } from './postgresCluster';

/** Opens a fresh, empty store; the returned cleanup closes and removes it. */
export type StoreFactory = () => Promise<{ store: TrackerStore; cleanup(): Promise<void> }>;

export const sqliteFactory: StoreFactory = async () => {
  const dir = tempDir('winkelpost-tracker-');
  const store = openSqliteStore(join(dir.path, 'tracker.sqlite'));
  return {
    store,
    async cleanup() {
      await store.close();
      dir.remove();
    },
  };
};

export function postgresFactory(cluster: () => PostgresCluster): StoreFactory {
  return async () => {
    const store = await openPostgresStore(await cluster().createDatabase());
    return { store, cleanup: () => store.close() };
  };
}
