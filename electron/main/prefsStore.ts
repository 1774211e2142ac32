import { app } from 'electron';
import Store from 'electron-store';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../services/core/logger';
import { migratePrefs, prefsJsonSchema, type DesktopPrefsT } from './desktopPrefs';

const NAME = 'desktop-prefs';

/**
 * electron-store for the shell's own preferences, checked against the schema on load and brought
 * to the current version by migratePrefs. An unreadable file is replaced by defaults (logged):
 * these are window places and switches, never the shop's data.
 */
export function openPrefsStore(logger: Logger): Store<DesktopPrefsT> {
  const options = {
    name: NAME,
    schema: prefsJsonSchema() as never,
    clearInvalidConfig: true,
  };
  let store: Store<DesktopPrefsT>;
  try {
    store = new Store<DesktopPrefsT>(options);
  } catch (error) {
    logger.warn('desktop preferences were unreadable; starting from defaults', error);
    rmSync(join(app.getPath('userData'), `${NAME}.json`), { force: true });
    store = new Store<DesktopPrefsT>(options);
  }
  store.store = migratePrefs(store.store);
  return store;
}
