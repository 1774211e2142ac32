// Decisions of `npm start`, as plain functions (tested in test/unit/electron-main/start.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable installed in node_modules, or null when its download never happened. */
export function electronBinaryPath(root) {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Windows and macOS always have a screen; Linux needs X11 or Wayland. */
export function hasDisplay(env, platform) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * electron: launch it. download: try fetching the binary once (then decide again).
 * browser: run browser mode, with the one-line reason shown to the user.
 */
export function chooseStart({ binaryPresent, display, env, downloadTried }) {
  if (env.WINKELPOST_BROWSER === '1') {
    return { mode: 'browser', reason: 'WINKELPOST_BROWSER=1: Winkelpost start in browsermodus.' };
  }
  if (!binaryPresent) {
    const mayDownload = display && !downloadTried && !env.CI && !env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    if (mayDownload) return { mode: 'download' };
    const why = downloadTried
      ? 'het programmabestand kon niet worden gedownload'
      : 'het programmabestand is niet geïnstalleerd';
    return {
      mode: 'browser',
      reason: `Electron is niet beschikbaar (${why}); Winkelpost start in browsermodus.`,
    };
  }
  if (!display) {
    return {
      mode: 'browser',
      reason: 'Er is geen beeldscherm beschikbaar voor Electron; Winkelpost start in browsermodus.',
    };
  }
  return { mode: 'electron' };
}
