// Electron main process: lifecycle and wiring only. Every decision lives in a plain, tested module.
import { app, dialog, Notification, safeStorage, screen, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from '../app';
import { PROJECT_ROOT, RENDERER_DIST, RESOURCES_DIR } from '../paths';
import { previewResponse } from '../server/previewRoute';
import { consoleLogger } from '../services/core/logger';
import { nodeSecretCipher } from '../services/core/secrets';
import { DatabaseDamagedError } from '../../db/openDatabase';
import { desktopStoreOf, type ActiveSends } from '../services/desktop/desktopStore';
import { recoveryBackup, scheduleRestore } from '../services/desktop/backupRestore';
import { agreementsState } from '../services/desktop/agreements';
import { loadResellerBranding, type ResellerBrandingT } from '../services/desktop/brandingSchema';
import { BUILD_BRANDING } from './buildInfo';
import { usableBounds } from './desktopPrefs';
import { shellReaction } from './appEventReaction';
import { applyLoginItem, createDesktopShell } from './desktopShell';
import { denyPermissions, hardenWebContents, openInBrowser } from './hardening';
import { registerIpc } from './ipc';
import { setAppMenu } from './menu';
import { desktopDataDir } from './policy';
import { openPrefsStore } from './prefsStore';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { safeStorageCipher } from './safeStorageCipher';
import {
  keepsAppAlive,
  mustConfirmQuit,
  SendWatch,
  startsHidden,
  trayTooltip,
  windowCloseDecision,
} from './sendWatch';
import { setShellProductName, shellText, type ShellLanguage } from './shellText';
import { createTray } from './tray';
import { startUpdater } from './updater';
import { shouldCheckForUpdates, updateFeedUrl } from './updatePolicy';
import { createMainWindow, currentBounds } from './window';

const logger = consoleLogger;
const PRELOAD = join(PROJECT_ROOT, 'out', 'preload', 'index.cjs');

type PrefsStore = ReturnType<typeof openPrefsStore>;

let winkelpost: App | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting = false;
let closing = false;
let showWindow: () => void = () => {};

registerAppScheme();
hardenWebContents(logger);

if (!app.requestSingleInstanceLock()) {
  // Another Winkelpost runs on this account: it gets focus (second-instance), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.whenReady().then(start).catch(fatal);
}

function brandOrNull(): ResellerBrandingT | null {
  try {
    return loadResellerBranding(join(RESOURCES_DIR, 'branding'), BUILD_BRANDING);
  } catch (error) {
    logger.warn('branding incomplete: no tray brand icon or update feed', error);
    return null;
  }
}

async function start(): Promise<void> {
  // Menus, tray and dialogs (also the damaged-database one below) carry the brand's name.
  const brand = brandOrNull();
  setShellProductName(brand?.productName ?? 'Winkelpost');
  const prefs = openPrefsStore(logger);
  const running = await openApp(prefs);
  if (!running) return;
  winkelpost = running;
  denyPermissions();
  handleAppProtocol(RENDERER_DIST, (url) => previewResponse(running, url), logger);
  registerIpc(running);
  applyLoginItem(prefs.get('startAtLogin'));

  // Kept in memory (updated by settings.changed) so menus and dialogs never need the database.
  let currentLanguage: ShellLanguage = running.context.settings.view().language;
  const language = (): ShellLanguage => currentLanguage;
  // Once quitting has closed the database there is nothing active any more (and nothing to ask).
  const active = () =>
    closing
      ? { running: 0, scheduled: 0, nextScheduledAt: null }
      : desktopStoreOf(running.context.database.sqlite).activeSends();

  showWindow = windowOpener(running, prefs, active, language);
  const requestQuit = () => void confirmQuit(active, language);
  const feedUrl = updateFeedUrl(brand?.updateUrl);
  const updater =
    feedUrl && shouldCheckForUpdates({ packaged: app.isPackaged, feedUrl, env: process.env })
      ? startUpdater({ feedUrl, logger, language, sendRunning: () => active().running > 0 })
      : null;
  const watch = new SendWatch();
  const trayIcon = join(RESOURCES_DIR, 'branding', brand?.trayIcon ?? 'icons/winkelpost-tray.png');
  const tray = createTray(trayIcon, { open: () => showWindow(), quit: requestQuit });
  const refreshTray = () => {
    if (!closing) tray.update(trayTooltip(language(), watch.current(), active()), language());
  };
  const refreshMenu = () =>
    setAppMenu(language(), menuFacts(brand, running), menuActions(brand, updater, requestQuit));
  refreshTray();
  refreshMenu();
  // Scheduled sends change state by the clock, not only by events.
  setInterval(refreshTray, 60_000).unref();

  running.events.subscribe((name, payload) => {
    const reaction = shellReaction(name, payload, {
      language: language(),
      watch,
      notifyWhenSent: prefs.get('notifyWhenSent'),
    });
    if (!reaction) return;
    if (reaction.language) currentLanguage = reaction.language;
    if (reaction.notify) notify(reaction.notify.title, reaction.notify.body);
    if (reaction.refreshMenu) refreshMenu();
    if (reaction.refreshTray) refreshTray();
    if (reaction.sendsChanged) updater?.sendsChanged();
  });

  // Started at login: only the tray icon, so scheduled sends go out without a window popping up.
  const hidden = startsHidden(
    process.argv,
    process.platform,
    process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
  );
  if (!hidden) showWindow();
  app.on('activate', () => showWindow());
  app.on('window-all-closed', () => {
    // Closing the last window ends the app unless a send runs or waits (the tray keeps it alive).
    if (quitting || !keepsAppAlive(active())) {
      if (process.platform !== 'darwin' || quitting) app.quit();
    }
  });
}

/** The app on its data folder; null when the database is damaged (recovery is offered instead). */
async function openApp(prefs: PrefsStore): Promise<App | null> {
  const dataDir = desktopDataDir(process.env, app.getPath('userData'));
  // New files (database, backups, outbox) for this OS user only; createApp fixes older ones.
  if (process.platform !== 'win32') process.umask(0o077);
  const cipher = safeStorageCipher(safeStorage, () => nodeSecretCipher(dataDir), logger);
  const shell = createDesktopShell(prefs, () => {
    app.relaunch();
    quitting = true;
    app.quit();
  });
  try {
    return await createApp({
      dataDir,
      mode: 'electron',
      cipher,
      branding: BUILD_BRANDING,
      logger,
      desktop: shell,
      ...(process.env.WINKELPOST_TRACKER_URL
        ? { trackerUrl: process.env.WINKELPOST_TRACKER_URL }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    await offerRecovery(dataDir);
    return null;
  }
}

type ActiveNow = () => ActiveSends;

/** Shows the one main window, making it (with the remembered bounds) when there is none. */
function windowOpener(
  running: App,
  prefs: PrefsStore,
  active: ActiveNow,
  language: () => ShellLanguage,
): () => void {
  return () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      const displays = screen.getAllDisplays().map((d) => d.workArea);
      const firstStart = agreementsState(running.context.kv).mustAccept;
      const window = createMainWindow({
        preload: PRELOAD,
        title: running.context.branding.productName,
        bounds: usableBounds(prefs.get('windowBounds'), displays),
        route: firstStart ? '/overeenkomsten' : '/',
      });
      window.on('close', (event) => {
        prefs.set('windowBounds', currentBounds(window));
        const decision = windowCloseDecision({
          quitting,
          active: active(),
          explained: prefs.get('closeToTrayExplained'),
        });
        if (decision.action === 'close') return;
        event.preventDefault();
        window.hide();
        if (decision.explain) {
          prefs.set('closeToTrayExplained', true);
          notify(
            shellText(language(), 'keepsRunningTitle'),
            shellText(language(), 'keepsRunningBody'),
          );
        }
      });
      window.on('closed', () => (mainWindow = null));
      mainWindow = window;
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
}

function openRoute(route: string): void {
  showWindow();
  void mainWindow?.loadURL(`app://winkelpost/index.html#${route}`);
}

/** Quit from the tray or menu: while a send runs, only after the shop confirms. */
async function confirmQuit(active: ActiveNow, language: () => ShellLanguage): Promise<void> {
  if (mustConfirmQuit(active())) {
    const t = (key: Parameters<typeof shellText>[1]) => shellText(language(), key);
    const answer = await dialog.showMessageBox({
      type: 'warning',
      title: t('quitDuringSendTitle'),
      message: t('quitDuringSendBody'),
      buttons: [t('keepSending'), t('quitAnyway')],
      defaultId: 0,
      cancelId: 0,
    });
    if (answer.response !== 1) return;
  }
  quitting = true;
  app.quit();
}

function menuFacts(brand: ResellerBrandingT | null, running: App) {
  return {
    packaged: app.isPackaged,
    productName: running.context.branding.productName,
    onlineManual: Boolean(brand?.manualUrl),
    orderPage: Boolean(brand?.orderUrl),
  };
}

function menuActions(
  brand: ResellerBrandingT | null,
  updater: ReturnType<typeof startUpdater> | null,
  requestQuit: () => void,
) {
  return {
    openManual: () => openRoute('/handleiding'),
    // The brand's own web pages open in the browser, never inside the app.
    openOnlineManual: () => brand && openInBrowser(brand.manualUrl),
    openOrderPage: () => brand && openInBrowser(brand.orderUrl),
    openAgreements: () => openRoute('/overeenkomsten'),
    checkUpdates: () => updater?.checkNow(),
    quit: requestQuit,
  };
}

/** A damaged database at start: offer the newest whole backup instead of only an error. */
async function offerRecovery(dataDir: string): Promise<void> {
  const language: ShellLanguage = app.getLocale().startsWith('en') ? 'en' : 'nl';
  const t = (key: Parameters<typeof shellText>[1], params: Record<string, string> = {}) =>
    shellText(language, key, params);
  const backup = recoveryBackup(dataDir);
  if (!backup) {
    dialog.showErrorBox(t('damagedTitle'), t('damagedNoBackup'));
    app.exit(1);
    return;
  }
  const answer = await dialog.showMessageBox({
    type: 'warning',
    title: t('damagedTitle'),
    message: t('damagedBody', { day: backup.day }),
    buttons: [t('restoreBackup'), t('closeApp')],
    defaultId: 0,
    cancelId: 1,
  });
  if (answer.response === 0) {
    scheduleRestore(dataDir, backup.id, Date.now());
    app.relaunch();
  }
  app.exit(answer.response === 0 ? 0 : 1);
}

function notify(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  notification.on('click', () => showWindow());
  notification.show();
}

// Close the database cleanly (WAL checkpoint, pending backup) before the process ends.
app.on('before-quit', (event) => {
  quitting = true;
  if (closing || !winkelpost) return;
  event.preventDefault();
  closing = true;
  winkelpost
    .close()
    .catch((error: unknown) => logger.error('closing the app failed', error))
    .finally(() => app.quit());
});

function fatal(error: unknown): void {
  logger.error('Winkelpost could not start', error);
  dialog.showErrorBox(
    'Winkelpost kan niet starten',
    `${(error as Error).message}\n\nNeem contact op met uw leverancier als dit blijft gebeuren.`,
  );
  app.exit(1);
}
