import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL, windowOptions } from './policy';

/** The one main window, with the options of policy.ts; shown once its first paint is ready. */
export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath, title));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
