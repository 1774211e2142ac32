import { describe, expect, it } from 'vitest';
import {
  keepsAppAlive,
  mustConfirmQuit,
  SendWatch,
  sendNotification,
  startsHidden,
  trayTooltip,
  windowCloseDecision,
  type SendProgress,
} from '../../../electron/main/sendWatch';

const none = { running: 0, scheduled: 0, nextScheduledAt: null };
const running = { running: 1, scheduled: 0, nextScheduledAt: null };
const scheduled = { running: 0, scheduled: 2, nextScheduledAt: 1 };
const progress = (state: string, sent = 10): SendProgress => ({
  sendId: 's1',
  mailingId: 'm1',
  state,
  queued: 90 - sent,
  sent,
  failed: 1,
});

describe('keeping the app alive for sends', () => {
  it('stays alive while a send runs or is scheduled', () => {
    expect(keepsAppAlive(none)).toBe(false);
    expect(keepsAppAlive(running)).toBe(true);
    expect(keepsAppAlive(scheduled)).toBe(true);
    // An active automation waits for a till file or a birthday in the tray.
    expect(keepsAppAlive({ ...none, automations: 1 })).toBe(true);
  });

  it('closes the window normally when nothing is pending', () => {
    expect(windowCloseDecision({ quitting: false, active: none, explained: false })).toEqual({
      action: 'close',
      explain: false,
    });
  });

  it('hides to the tray during a send and explains it once', () => {
    expect(windowCloseDecision({ quitting: false, active: running, explained: false })).toEqual({
      action: 'hide',
      explain: true,
    });
    expect(windowCloseDecision({ quitting: false, active: scheduled, explained: true })).toEqual({
      action: 'hide',
      explain: false,
    });
  });

  it('lets an explicit quit close, asking first only while a send runs', () => {
    expect(windowCloseDecision({ quitting: true, active: running, explained: false }).action).toBe(
      'close',
    );
    expect(mustConfirmQuit(running)).toBe(true);
    expect(mustConfirmQuit(scheduled)).toBe(false);
  });
});

describe('tray tooltip', () => {
  it('shows the progress of a running send', () => {
    expect(trayTooltip('nl', [progress('running', 10)], running)).toBe(
      'Winkelpost verstuurt: 10 van 91',
    );
    expect(trayTooltip('en', [progress('running', 10)], running)).toBe(
      'Winkelpost is sending: 10 of 91',
    );
  });

  it('shows scheduled sends, else just the name', () => {
    expect(trayTooltip('nl', [], scheduled)).toBe('Winkelpost: 2 mailing(s) ingepland');
    expect(trayTooltip('nl', [progress('finished')], none)).toBe('Winkelpost');
  });
});

describe('notifications from send.progress', () => {
  it('notifies once when a send finishes', () => {
    const watch = new SendWatch();
    expect(watch.update(progress('running', 5))).toBeNull();
    expect(watch.update(progress('running', 50))).toBeNull();
    expect(watch.update(progress('finished', 89))).toBe('finished');
    expect(watch.update(progress('finished', 89))).toBeNull();
    expect(watch.current()).toEqual([]);
  });

  it('notifies when a send pauses (for example an SMTP login error)', () => {
    const watch = new SendWatch();
    watch.update(progress('running'));
    expect(watch.update(progress('paused'))).toBe('paused');
    expect(watch.current().map((p) => p.state)).toEqual(['paused']);
  });

  it('words the notification in the chosen language', () => {
    expect(sendNotification('nl', 'finished', progress('finished', 89))).toEqual({
      title: 'Mailing verstuurd',
      body: '89 e-mails verstuurd, 1 niet gelukt.',
    });
    expect(sendNotification('en', 'paused', progress('paused')).title).toBe('Sending paused');
  });
});

describe('start at login', () => {
  it('starts in the tray only when opened by the login item', () => {
    expect(startsHidden(['electron', '.', '--hidden'], 'win32', false)).toBe(true);
    expect(startsHidden(['electron', '.'], 'win32', false)).toBe(false);
    expect(startsHidden(['Winkelpost'], 'darwin', true)).toBe(true);
    expect(startsHidden(['Winkelpost'], 'darwin', false)).toBe(false);
  });
});
