import { app } from 'electron';
import type Store from 'electron-store';
import type { DesktopShell, ShellPrefs } from '../services/desktop/shell';
import type { DesktopPrefsT } from './desktopPrefs';

/** The handler table's view of the shell: preferences, start at login, restart for a restore. */
export function createDesktopShell(store: Store<DesktopPrefsT>, restart: () => void): DesktopShell {
  const prefs = (): ShellPrefs => ({
    startAtLoginSupported: loginItemsSupported(),
    startAtLogin: loginItemsSupported() && store.get('startAtLogin'),
    notifyWhenSent: store.get('notifyWhenSent'),
  });
  return {
    prefs,
    updatePrefs(patch) {
      if (patch.startAtLogin !== undefined) {
        store.set('startAtLogin', patch.startAtLogin);
        applyLoginItem(patch.startAtLogin);
      }
      if (patch.notifyWhenSent !== undefined) store.set('notifyWhenSent', patch.notifyWhenSent);
      return prefs();
    },
    restartSoon() {
      // Let the answer reach the window first.
      setTimeout(restart, 500);
    },
  };
}

function loginItemsSupported(): boolean {
  return process.platform === 'win32' || process.platform === 'darwin';
}

/** Start at login, hidden: the tray icon appears and scheduled sends go out. */
export function applyLoginItem(enabled: boolean): void {
  if (!loginItemsSupported()) return; // Electron has no login items on Linux
  app.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? ['--hidden'] : [] });
}
