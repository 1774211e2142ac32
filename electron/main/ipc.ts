import { BrowserWindow, ipcMain } from 'electron';
import type { App } from '../app';
import { answerInvoke, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipcGate';

/** The handler table over IPC (sender frame checked) and the app's events to every window. */
export function registerIpc(winkelpost: App): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    answerInvoke(winkelpost.handlers, event.senderFrame?.url, channel, input),
  );
  const unsubscribe = winkelpost.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
