import { BrowserWindow } from 'electron';
import type { WindowBounds } from './desktopPrefs';
import { APP_ENTRY_URL, windowOptions } from './policy';

/** The one main window, with the options of policy.ts; shown once its first paint is ready. */
export function createMainWindow(input: {
  preload: string;
  title: string;
  bounds: WindowBounds | null;
  /** Hash route to open on, e.g. '/overeenkomsten' on the first start. */
  route: string;
}): BrowserWindow {
  const options = windowOptions(input.preload, input.title);
  const window = new BrowserWindow({
    ...options,
    ...(input.bounds
      ? {
          x: input.bounds.x,
          y: input.bounds.y,
          width: input.bounds.width,
          height: input.bounds.height,
        }
      : {}),
  });
  // The title is the brand's product name chosen at build time, not index.html's placeholder.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (input.bounds?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(`${APP_ENTRY_URL}#${input.route}`);
  return window;
}

/** Where the window is now, to open it there next time. */
export function currentBounds(window: BrowserWindow): WindowBounds {
  const b = window.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized() };
}
