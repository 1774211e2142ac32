import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerInvoke } from '../../../electron/main/ipcGate';
import { startTestApp, type TestApp } from '../../helpers/testApp';

// The IPC handler of the main process, minus Electron: the real handler table of a real app.
describe('answerInvoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the app frame through the shared handler table', async () => {
    const envelope = await answerInvoke(
      t.app.handlers,
      'app://winkelpost/index.html#/account',
      'app.info',
      {},
    );
    expect(envelope.ok).toBe(true);
    expect(envelope.ok && (envelope.value as { dataDir: string }).dataDir).toBe(t.dataDir);
  });

  it('refuses other frames before touching the channel', async () => {
    for (const url of ['app://winkelpost/_preview/m1', 'https://example.com/', undefined]) {
      const envelope = await answerInvoke(t.app.handlers, url, 'settings.get', {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses unknown and non-string channel names', async () => {
    for (const channel of ['constructor', '__proto__', 'nope', 42]) {
      const envelope = await answerInvoke(t.app.handlers, 'app://winkelpost/', channel, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('passes invalid input to the handler table, which names the field', async () => {
    const envelope = await answerInvoke(t.app.handlers, 'app://winkelpost/', 'settings.update', {
      smtp: { port: 99999 },
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
