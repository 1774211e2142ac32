import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

/** The part of ipcRenderer the bridge uses (passed in, so the bridge is tested under Node). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface WinkelpostBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

/**
 * window.winkelpost: exactly two functions, never ipcRenderer itself. The page cannot pick an IPC
 * channel: it names a contract channel or event, which the main side checks again.
 */
export function createBridge(ipc: IpcRendererLike): WinkelpostBridge {
  return {
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
