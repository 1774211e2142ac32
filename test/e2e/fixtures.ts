import { test as base } from '@playwright/test';
import { createApp, type App } from '../../electron/app';
import { RENDERER_DIST } from '../../electron/paths';
import { ManualClock } from '../../electron/services/core/clock';
import { silentLogger } from '../../electron/services/core/logger';
import { aesSecretCipher } from '../../electron/services/core/secrets';
import { PREVIEW_PREFIX, previewRoute } from '../../electron/server/previewRoute';
import { startServer, type RunningServer } from '../../electron/server/server';
import { acceptAgreements } from '../helpers/agreements';
import { signIn } from '../helpers/browserSession';
import { tempDir } from '../helpers/tempDir';

export interface AppFixture {
  app: App;
  server: RunningServer;
  clock: ManualClock;
  dataDir: string;
  url: string;
}

/**
 * Each test gets its own browser-mode server on a free port with a fresh data folder, so tests run
 * in parallel without sharing state. The page is opened on that server; the test's browser context
 * already holds the session cookie (as after opening the printed link), so `url` is the bare origin.
 */
export const test = base.extend<{
  winkelpost: AppFixture;
  firstStart: boolean;
  branding: string | undefined;
}>({
  /** true: the agreements are not accepted yet, as on a real first start. */
  firstStart: [false, { option: true }],
  /** A brand from resources/branding/ (as BRANDING= at build time); default Winkelpost's own. */
  branding: [undefined, { option: true }],
  winkelpost: async ({ firstStart, branding, context }, use) => {
    const dir = tempDir('winkelpost-e2e-');
    const clock = new ManualClock(Date.now());
    const app = await createApp({
      dataDir: dir.path,
      clock,
      logger: silentLogger,
      ...(branding ? { branding } : {}),
      cipher: aesSecretCipher(Buffer.alloc(32, 3)),
      // No DNS query leaves the machine: every SPF/DKIM/DMARC lookup answers "not found".
      sending: {
        resolver: {
          resolveTxt: () =>
            Promise.reject(Object.assign(new Error('offline'), { code: 'ENOTFOUND' })),
        },
      },
    });
    if (!firstStart) await acceptAgreements(app);
    const server = await startServer({
      app,
      port: 0,
      rendererDir: RENDERER_DIST,
      routes: { [PREVIEW_PREFIX]: previewRoute(app) },
    });
    await signIn(context, server);
    await use({ app, server, clock, dataDir: dir.path, url: server.url });
    await server.close();
    await app.close();
    dir.remove();
  },
});

export { expect } from '@playwright/test';
