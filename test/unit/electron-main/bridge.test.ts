import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/channels';

function fakeIpc() {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return { ipc, emitter, invoked };
}

describe('preload bridge (checklist: expose no Electron API to the page)', () => {
  it('exposes exactly invoke, on and pathForFile', () => {
    expect(Object.keys(createBridge(fakeIpc().ipc)).sort()).toEqual([
      'invoke',
      'on',
      'pathForFile',
    ]);
  });

  it("tells a chosen file's path, and '' for anything webUtils refuses or without webUtils", () => {
    const webUtils = {
      getPathForFile: (file: { path?: string }) => {
        if (typeof file?.path !== 'string') throw new TypeError('not a File');
        return file.path;
      },
    };
    const bridge = createBridge(fakeIpc().ipc, webUtils);
    expect(bridge.pathForFile({ path: '/home/winkel/kassa.csv' })).toBe('/home/winkel/kassa.csv');
    expect(bridge.pathForFile('kassa.csv')).toBe('');
    expect(createBridge(fakeIpc().ipc).pathForFile({ path: '/x.csv' })).toBe('');
  });

  it('sends every call over the one invoke channel', async () => {
    const { ipc, invoked } = fakeIpc();
    await createBridge(ipc).invoke('settings.get', {});
    expect(invoked).toEqual([[INVOKE_CHANNEL, 'settings.get', {}]]);
  });

  it('refuses a non-string channel without calling the main process', async () => {
    const { ipc, invoked } = fakeIpc();
    await expect(createBridge(ipc).invoke(42 as unknown as string, {})).rejects.toThrow();
    expect(invoked).toHaveLength(0);
  });

  it('delivers only the named event, without Electron event object, until unsubscribed', () => {
    const { ipc, emitter } = fakeIpc();
    const seen: unknown[][] = [];
    const off = createBridge(ipc).on('send.progress', (...args) => seen.push(args));
    emitter.emit(EVENT_CHANNEL, { sender: 'secret' }, 'sync.finished', { ok: true });
    emitter.emit(EVENT_CHANNEL, { sender: 'secret' }, 'send.progress', { sent: 3 });
    off();
    emitter.emit(EVENT_CHANNEL, { sender: 'secret' }, 'send.progress', { sent: 4 });
    expect(seen).toEqual([[{ sent: 3 }]]);
    expect(emitter.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
