import { dialog } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../services/core/logger';
import { shellText, type ShellLanguage } from './shellText';
import { mayRestartForUpdate, updateReadyDecision } from './updatePolicy';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * electron-updater against the brand's generic feed. Downloads quietly; once ready it asks before
 * restarting, and while a send runs it waits and asks afterwards (see updatePolicy.ts).
 */
export function startUpdater(input: {
  feedUrl: string;
  logger: Logger;
  language: () => ShellLanguage;
  sendRunning: () => boolean;
}): { checkNow(): void; sendsChanged(): void } {
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url: input.feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = null;
  let ready = false;
  let asked = false;

  const offer = async () => {
    const decision = updateReadyDecision({ sendRunning: input.sendRunning(), asked });
    if (!ready || decision !== 'ask') return;
    asked = true;
    const t = (key: Parameters<typeof shellText>[1]) => shellText(input.language(), key);
    const answer = await dialog.showMessageBox({
      type: 'info',
      title: t('updateTitle'),
      message: t('updateBody'),
      buttons: [t('updateNow'), t('updateLater')],
      defaultId: 0,
      cancelId: 1,
    });
    // Checked again now: a send may have started while the question was open.
    if (
      mayRestartForUpdate({ userAccepted: answer.response === 0, sendRunning: input.sendRunning() })
    ) {
      autoUpdater.quitAndInstall();
    }
  };

  autoUpdater.on('update-downloaded', () => {
    ready = true;
    void offer();
  });
  autoUpdater.on('error', (error) => input.logger.warn('update check failed', error));
  const check = () => {
    autoUpdater
      .checkForUpdates()
      .catch((error: unknown) => input.logger.warn('update check failed', error));
  };
  check();
  setInterval(check, CHECK_EVERY_MS).unref();
  return { checkNow: check, sendsChanged: () => void offer() };
}
