import { describe, expect, it } from 'vitest';
import { shellReaction } from '../../../electron/main/appEventReaction';
import { SendWatch, type SendProgress } from '../../../electron/main/sendWatch';

const progress = (state: string): SendProgress => ({
  sendId: 's1',
  mailingId: 'm1',
  state,
  queued: 0,
  sent: 10,
  failed: 1,
});

describe('what the Electron shell does about an event of the app', () => {
  const state = (notifyWhenSent = true) => ({
    language: 'nl' as const,
    watch: new SendWatch(),
    notifyWhenSent,
  });

  it('follows a change of language in menus and tray', () => {
    expect(shellReaction('settings.changed', { language: 'en' }, state())).toEqual({
      language: 'en',
      refreshMenu: true,
      refreshTray: true,
      sendsChanged: false,
    });
  });

  it('tells the shop when the app paused an automation, but not for a run of it', () => {
    const paused = {
      automationId: 'a1',
      name: 'Verjaardagen',
      status: 'paused',
      pauseReason: { key: 'automations:reasons.capExceeded', params: {} },
    };
    const reaction = shellReaction('automations.changed', paused, state());
    expect(reaction?.notify?.body).toContain('Verjaardagen');
    expect(reaction?.refreshTray).toBe(true);
    const run = { ...paused, run: { id: 'r1', state: 'finished', sent: 3 } };
    expect(shellReaction('automations.changed', run, state())?.notify).toBeUndefined();
  });

  it('notifies once when a send finishes, only when the shop wants it', () => {
    const s = state();
    expect(shellReaction('send.progress', progress('running'), s)).toMatchObject({
      sendsChanged: false,
      refreshTray: true,
    });
    const finished = shellReaction('send.progress', progress('finished'), s);
    expect(finished?.sendsChanged).toBe(true);
    expect(finished?.notify?.title).toBeTruthy();
    expect(shellReaction('send.progress', progress('finished'), s)?.notify).toBeUndefined();

    const quiet = state(false);
    shellReaction('send.progress', progress('running'), quiet);
    const unannounced = shellReaction('send.progress', progress('finished'), quiet);
    expect(unannounced?.sendsChanged).toBe(true);
    expect(unannounced?.notify).toBeUndefined();
  });

  it('ignores other events', () => {
    expect(shellReaction('import.progress', {}, state())).toBeNull();
  });
});
