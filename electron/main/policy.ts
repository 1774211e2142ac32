/**
 * The security decisions of the desktop shell as plain functions, so they are tested under Node.
 * electron/main/index.ts only wires them to Electron's APIs. Nothing here imports electron.
 */

import { resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'winkelpost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  /** Middle-click (auxclick) could open links in a new window: switched off at the source. */
  disableBlinkFeatures: 'Auxclick';
  spellcheck: boolean;
}

export function windowOptions(preloadPath: string, title = 'Winkelpost') {
  const webPreferences: SecureWebPreferences = {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  };
  return {
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title,
    webPreferences,
  };
}

/**
 * The app's pages. No 'unsafe-inline' or 'unsafe-eval': Mantine's one <style> tag carries a
 * per-response nonce. Mail previews are served from their own route with their own policy.
 */
export function contentSecurityPolicy(nonce: string, extraConnect: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${extraConnect.join(' ')}`.trim(),
    "frame-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A rendered mail shown in a sandboxed iframe: its own inline styles, never a script. */
export function previewContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data: cid: https: http:',
    'font-src https: data:',
    "script-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** IPC is answered only for frames of our own app (not a preview iframe, not a remote page). */
export function isAllowedSenderUrl(url: string | undefined, devServerOrigin?: string): boolean {
  if (!url) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.origin === APP_ORIGIN || `${parsed.protocol}//${parsed.host}` === APP_ORIGIN) {
    return !parsed.pathname.startsWith('/_preview');
  }
  return devServerOrigin !== undefined && parsed.origin === devServerOrigin;
}

/** The window never navigates away from the app; links go through openExternal instead. */
export function isAllowedNavigation(_url: string): boolean {
  return false;
}

/** Only https pages (the reseller's order page, the manual, a link in a mail) open outside. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Maps app://winkelpost/<path> to a file under the renderer folder, refusing escapes. */
export function resolveAppFile(url: string, rootDir: string): string | null {
  const parsed = parse(url);
  if (!parsed || `${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Backslashes count as separators too: on Windows "..\\" would climb out of the folder.
  if (path.includes('\0') || path.split(/[\\/]/).some((part) => part === '..')) return null;
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const root = rootDir.replace(/[\\/]+$/, '');
  return `${root}/${relative}`;
}

/** Every permission request (camera, notifications from the page, geolocation, …) is denied. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/** <webview> is never attached: the app shows no third-party pages inside itself. */
export function isWebviewAllowed(): boolean {
  return false;
}

/**
 * What happens to window.open / target=_blank: never a new Electron window; an https link opens
 * in the user's browser instead.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** The data folder: WINKELPOST_DATA_DIR wins (resellers, tests), else Electron's userData. */
export function desktopDataDir(env: NodeJS.ProcessEnv, userDataPath: string): string {
  const fromEnv = env.WINKELPOST_DATA_DIR?.trim();
  return fromEnv ? resolve(fromEnv) : userDataPath;
}

/**
 * app:// is registered before ready as a standard, secure origin (so the page gets a real origin,
 * localStorage and a CSP); it does not bypass the CSP and runs no service workers.
 */
export function appSchemePrivileges() {
  return {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false,
      stream: false,
    },
  };
}

/** The first page every window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
