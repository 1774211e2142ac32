import type Database from 'better-sqlite3';
import { desktopStoreOf, type ActiveSends } from './desktopStore';

export type { ActiveSends } from './desktopStore';

/** Sends that keep the desktop app alive in the tray: running now, or waiting for their time. */
export function activeSends(sqlite: Database.Database): ActiveSends {
  return desktopStoreOf(sqlite).activeSends();
}
