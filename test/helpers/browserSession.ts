import type { BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../electron/server/server';

/**
 * Gives a Playwright browser context the session cookie the printed link would have set, so pages
 * open at `server.url` as a signed-in user would see them.
 */
export async function signIn(context: BrowserContext, server: RunningServer): Promise<void> {
  await context.addCookies([
    { ...server.cookie, url: server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
}

/** Headers for calling /api from a test or tool: the token as `<dataDir>/browser-token` holds it. */
export function bearer(server: RunningServer): Record<string, string> {
  return { authorization: `Bearer ${server.token}` };
}
