import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PREVIEW_PREFIX, previewRoute } from '../../electron/server/previewRoute';
import { startServer } from '../../electron/server/server';
import { signIn } from '../helpers/browserSession';
import { startTestApp } from '../helpers/testApp';
import { sqliteFactory } from '../integration/tracker/helpers/storeFactories';
import { startTestTracker } from '../integration/tracker/helpers/testTracker';

/**
 * The CSP as Chromium enforces it, not as a header reads: mail HTML that carries scripts (an .eml
 * dropped in the outbox, a web version uploaded to the tracker) is shown, and none of its scripts
 * run. Each script would rename the page; the title staying put is the proof.
 */
const HOSTILE_HTML =
  '<html><head><title>Mail</title></head><body><p id="mail">Hallo</p>' +
  '<script>document.title = "script ran"</script>' +
  '<img src="data:," onerror="document.title = \'handler ran\'">' +
  '<svg onload="document.title = \'svg ran\'"></svg>' +
  '<iframe srcdoc="<script>parent.document.title = \'frame ran\'</script>"></iframe>' +
  '<a id="link" href="javascript:document.title = \'link ran\'">klik</a></body></html>';

test('the same HTML without our CSP does run its scripts (the check can fail)', async ({
  page,
}) => {
  await page.setContent(HOSTILE_HTML);
  await expect(page).not.toHaveTitle('Mail');
});

test('no script in an outbox mail runs in browser mode’s viewer frame', async ({ browser }) => {
  const t = await startTestApp();
  const server = await startServer({
    app: t.app,
    port: 0,
    rendererDir: t.dataDir,
    routes: { [PREVIEW_PREFIX]: previewRoute(t.app) },
  });
  try {
    const outbox = join(t.dataDir, 'outbox');
    mkdirSync(outbox, { recursive: true });
    writeFileSync(
      join(outbox, 'vijandig.eml'),
      `From: a@example.nl\r\nTo: b@example.nl\r\nSubject: x\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/html; charset=utf-8\r\n\r\n${HOSTILE_HTML}\r\n`,
    );
    const context = await browser.newContext();
    await signIn(context, server);
    const page = await context.newPage();
    const answer = await page.goto(`${server.url}${PREVIEW_PREFIX}outbox/vijandig.eml`);
    expect(answer?.status()).toBe(200);
    await expect(page.locator('#mail')).toHaveText('Hallo');
    await page.locator('#link').click();
    expect(await page.title()).toBe('Mail');
    await context.close();
  } finally {
    await server.close();
    await t.close();
  }
});

test('no script in a web version runs on the tracker', async ({ page }) => {
  const t = await startTestTracker(sqliteFactory);
  try {
    await t.client.putWebVersion('m1', HOSTILE_HTML);
    const answer = await page.goto(`${t.url}/w/${t.token('web')}`);
    expect(answer?.status()).toBe(200);
    await expect(page.locator('#mail')).toHaveText('Hallo');
    await page.locator('#link').click();
    expect(await page.title()).toBe('Mail');
  } finally {
    await t.close();
  }
});
