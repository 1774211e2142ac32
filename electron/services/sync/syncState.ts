import type { SyncStateT } from '../../contract/account';
import type { KeyValueStore } from '../core/kvStore';

const STATE_KEY = 'sync.state';

export type StoredSyncState = Omit<SyncStateT, 'running'>;

const EMPTY: StoredSyncState = {
  lastSyncAt: null,
  lastAttemptAt: null,
  errorKey: null,
  lastNewEvents: 0,
};

export function readSyncState(kv: KeyValueStore): StoredSyncState {
  return { ...EMPTY, ...kv.get<Partial<StoredSyncState>>(STATE_KEY) };
}

export function writeSyncState(kv: KeyValueStore, state: StoredSyncState): void {
  kv.set(STATE_KEY, state);
}

/** The cursor belongs to the tracker account: another account starts from its own beginning. */
export const cursorKey = (account: string) => `sync.cursor.${account}`;
