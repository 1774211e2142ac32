import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

/** The part of ipcRenderer the bridge uses (passed in, so the bridge is tested under Node). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The part of Electron's webUtils the bridge uses (passed in, like ipc). */
export interface WebUtilsLike {
  getPathForFile(file: never): string;
}

export interface WinkelpostBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
  /** The path of a file the user chose or dropped ('' when it has none), so it is read once. */
  pathForFile(file: unknown): string;
}

/**
 * window.winkelpost: three functions, never ipcRenderer itself. The page cannot pick an IPC
 * channel: it names a contract channel or event, which the main side checks again. `pathForFile`
 * only tells the path of a File object the page holds, i.e. one the user chose or dropped.
 */
export function createBridge(ipc: IpcRendererLike, webUtils?: WebUtilsLike): WinkelpostBridge {
  return {
    pathForFile(file) {
      try {
        return webUtils?.getPathForFile(file as never) ?? '';
      } catch {
        // Not a File (webUtils throws): the page uploads instead.
        return '';
      }
    },
    invoke(channel, input) {
      if (typeof channel !== 'string')
        return Promise.reject(new TypeError('channel must be a string'));
      return ipc.invoke(INVOKE_CHANNEL, channel, input);
    },
    on(event, callback) {
      // The page's callback never sees Electron's event object (it carries the sender).
      const listener = (_event: unknown, name: unknown, payload: unknown) => {
        if (name === event) callback(payload);
      };
      ipc.on(EVENT_CHANNEL, listener as (event: unknown, ...args: unknown[]) => void);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, listener as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}
