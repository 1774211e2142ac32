import type { EventPayload } from '../contract';
import { sendNotification, type SendProgress, type SendWatch } from './sendWatch';
import { shellText, type ShellLanguage } from './shellText';

/** What the Electron shell does about one event of the app; plain data, so it is testable. */
export interface ShellReaction {
  /** The app's language changed: menus, tray and dialogs follow. */
  language?: ShellLanguage;
  notify?: { title: string; body: string };
  refreshMenu: boolean;
  refreshTray: boolean;
  /** A send finished or paused: the updater may install now. */
  sendsChanged: boolean;
}

/**
 * The shell's answer to an event (null: none). `watch` remembers each send's last state, so a
 * notification comes once per finished or paused send.
 */
export function shellReaction(
  name: string,
  payload: unknown,
  state: { language: ShellLanguage; watch: SendWatch; notifyWhenSent: boolean },
): ShellReaction | null {
  const none = { refreshMenu: false, refreshTray: false, sendsChanged: false };
  if (name === 'settings.changed') {
    const { language } = payload as { language: ShellLanguage };
    return { ...none, language, refreshMenu: true, refreshTray: true };
  }
  if (name === 'automations.changed') {
    // The app paused it (a cap, a check, an edited mailing): the shop must hear it even with
    // only the tray icon running.
    const change = payload as EventPayload<'automations.changed'>;
    const paused = change.status === 'paused' && change.pauseReason && !change.run;
    return {
      ...none,
      refreshTray: true,
      ...(paused
        ? {
            notify: {
              title: shellText(state.language, 'automationPausedTitle'),
              body: shellText(state.language, 'automationPausedBody', { name: change.name }),
            },
          }
        : {}),
    };
  }
  if (name !== 'send.progress') return null;
  const progress = payload as SendProgress;
  const kind = state.watch.update(progress);
  return {
    ...none,
    refreshTray: true,
    sendsChanged: kind !== null,
    ...(kind && state.notifyWhenSent
      ? { notify: sendNotification(state.language, kind, progress) }
      : {}),
  };
}
