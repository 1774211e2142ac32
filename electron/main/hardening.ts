import { app, session, shell } from 'electron';
import type { Logger } from '../services/core/logger';
import {
  isAllowedNavigation,
  isPermissionAllowed,
  isWebviewAllowed,
  windowOpenDecision,
} from './policy';

/**
 * Electron's security checklist, wired: no navigation, no new windows (https links open in the
 * browser), no <webview>, every permission request denied. Decisions live in policy.ts.
 */
export function hardenWebContents(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) {
        event.preventDefault();
        logger.warn('navigation blocked', url);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      if (!isWebviewAllowed()) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      openInBrowser(url, decision.openExternally);
      return { action: decision.action };
    });
  });
}

/**
 * The one place that hands a URL to the system browser, only when policy.ts allowed it (https).
 * Also used by the Help menu for the brand's own pages.
 */
export function openInBrowser(url: string, allowed = windowOpenDecision(url).openExternally): void {
  if (allowed) void shell.openExternal(url);
}

export function denyPermissions(): void {
  const target = session.defaultSession;
  target.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  target.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
