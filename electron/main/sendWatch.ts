import type { ActiveSends } from '../services/desktop/desktopStore';
import { shellText, type ShellLanguage } from './shellText';

/** The payload of the contract's 'send.progress' event. */
export interface SendProgress {
  sendId: string;
  mailingId: string;
  state: string;
  queued: number;
  sent: number;
  failed: number;
}

/**
 * While a send runs or waits for its time, or an automation is active, closing the window must not
 * stop Winkelpost.
 */
export function keepsAppAlive(active: ActiveSends): boolean {
  return active.running > 0 || active.scheduled > 0 || (active.automations ?? 0) > 0;
}

/**
 * What closing the window does: quit when nothing is pending; otherwise hide to the tray, and say
 * so (once, so it does not nag). An explicit "Afsluiten" (quitting) always closes.
 */
export function windowCloseDecision(input: {
  quitting: boolean;
  active: ActiveSends;
  explained: boolean;
}): { action: 'close' | 'hide'; explain: boolean } {
  if (input.quitting || !keepsAppAlive(input.active)) return { action: 'close', explain: false };
  return { action: 'hide', explain: !input.explained };
}

/** Quitting from the menu or tray during a running send asks first; a scheduled one does not. */
export function mustConfirmQuit(active: ActiveSends): boolean {
  return active.running > 0;
}

/** The tray tooltip: progress of the running send(s), else what is scheduled, else the name. */
export function trayTooltip(
  language: ShellLanguage,
  progress: SendProgress[],
  active: ActiveSends,
): string {
  const running = progress.filter((p) => p.state === 'running');
  if (running.length > 0) {
    const sent = running.reduce((n, p) => n + p.sent, 0);
    const total = running.reduce((n, p) => n + p.sent + p.failed + p.queued, 0);
    return shellText(language, 'sending', { sent, total });
  }
  if (active.scheduled > 0) return shellText(language, 'scheduled', { count: active.scheduled });
  return shellText(language, 'idle');
}

/**
 * Remembers the last state per send and says which events deserve a notification: a send that
 * finished or paused (each once), never a repeat of the same state.
 */
export class SendWatch {
  private readonly last = new Map<string, SendProgress>();

  update(event: SendProgress): 'finished' | 'paused' | null {
    const previous = this.last.get(event.sendId)?.state;
    this.last.set(event.sendId, event);
    if (previous === event.state) return null;
    if (event.state === 'finished') return 'finished';
    if (event.state === 'paused') return 'paused';
    return null;
  }

  current(): SendProgress[] {
    return [...this.last.values()].filter((p) => p.state === 'running' || p.state === 'paused');
  }
}

export function sendNotification(
  language: ShellLanguage,
  kind: 'finished' | 'paused',
  event: SendProgress,
): { title: string; body: string } {
  if (kind === 'paused') {
    return { title: shellText(language, 'pausedTitle'), body: shellText(language, 'pausedBody') };
  }
  return {
    title: shellText(language, 'sentTitle'),
    body: shellText(language, 'sentBody', { sent: event.sent, failed: event.failed }),
  };
}

/**
 * Started by the login item: no window, only the tray (Windows and Linux pass --hidden; macOS
 * ignores login-item arguments and reports wasOpenedAtLogin instead).
 */
export function startsHidden(
  argv: string[],
  platform: NodeJS.Platform,
  wasOpenedAtLogin: boolean,
): boolean {
  return argv.includes('--hidden') || (platform === 'darwin' && wasOpenedAtLogin);
}
