// Electron main process: lifecycle only. Every decision lives in a plain, tested module.
import type { BrowserWindow } from 'electron';
import { app, dialog, safeStorage } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from '../app';
import { PROJECT_ROOT, RENDERER_DIST } from '../paths';
import { consoleLogger } from '../services/core/logger';
import { nodeSecretCipher } from '../services/core/secrets';
import { BUILD_BRANDING } from './buildInfo';
import { denyPermissions, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { desktopDataDir } from './policy';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { safeStorageCipher } from './safeStorageCipher';
import { createMainWindow } from './window';

const logger = consoleLogger;
const PRELOAD = join(PROJECT_ROOT, 'out', 'preload', 'index.cjs');

let winkelpost: App | null = null;
let mainWindow: BrowserWindow | null = null;
let closing = false;

registerAppScheme();
hardenWebContents(logger);

if (!app.requestSingleInstanceLock()) {
  // Another Winkelpost runs on this account: it gets focus (second-instance), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  const dataDir = desktopDataDir(process.env, app.getPath('userData'));
  const cipher = safeStorageCipher(safeStorage, () => nodeSecretCipher(dataDir), logger);
  winkelpost = await createApp({
    dataDir,
    mode: 'electron',
    cipher,
    branding: BUILD_BRANDING,
    logger,
    ...(process.env.WINKELPOST_TRACKER_URL
      ? { trackerUrl: process.env.WINKELPOST_TRACKER_URL }
      : {}),
  });
  denyPermissions();
  handleAppProtocol(RENDERER_DIST, null, logger);
  registerIpc(winkelpost);
  showWindow();
  app.on('activate', () => showWindow());
}

function showWindow(): void {
  if (!app.isReady() || !winkelpost) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(PRELOAD, winkelpost.context.branding.productName);
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Close the database cleanly (WAL checkpoint, pending backup) before the process ends.
app.on('before-quit', (event) => {
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
