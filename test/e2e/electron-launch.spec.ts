import { _electron as electron, expect, test } from '@playwright/test';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode } from '../../scripts/build-node.mjs';
import { electronBinaryPath } from '../../scripts/startDecision.mjs';
import { tempDir } from '../helpers/tempDir';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = electronBinaryPath(root);
const display =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const NO_BINARY =
  'Geen Electron-programmabestand in node_modules/electron (download geweigerd of onmogelijk): de starttest van Electron wordt overgeslagen.';
const NO_DISPLAY =
  'Geen beeldscherm (DISPLAY/WAYLAND_DISPLAY): de starttest van Electron wordt overgeslagen.';
const skipReason = binary === null ? NO_BINARY : !display ? NO_DISPLAY : null;

// The real desktop app: runs where an Electron binary exists (a developer's machine, a packaging
// job); here the binary cannot be downloaded, so the test says so and skips.
test.describe('Electron launch', () => {
  test('opens the app over app:// with a locked-down window and the bridge only', async () => {
    if (skipReason) {
      console.log(skipReason); // printed by the reporter, so a skipped run says why
      test.skip(true, skipReason);
    }
    await buildNode();
    const data = tempDir('winkelpost-electron-');
    const app = await electron.launch({
      executablePath: binary!,
      args: [root],
      env: { ...process.env, WINKELPOST_DATA_DIR: data.path },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByText('Overeenkomsten').first()).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/winkelpost\//);

      // The page sees two functions and no Node.js.
      const surface = await page.evaluate(() => ({
        bridge: Object.keys((window as unknown as { winkelpost: object }).winkelpost).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(surface).toEqual({
        bridge: ['invoke', 'on'],
        require: 'undefined',
        process: 'undefined',
      });

      const info = await page.evaluate(() =>
        (
          window as unknown as { winkelpost: { invoke(c: string, i: unknown): Promise<unknown> } }
        ).winkelpost.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: data.path } });

      // Navigation away is refused; window.open makes no window.
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.evaluate(() => window.open('app://winkelpost/index.html'));
      expect(page.url()).toMatch(/^app:\/\/winkelpost\//);
      expect(app.windows()).toHaveLength(1);

      // The main process agrees: still one window, still on the app.
      const state = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
      );
      expect(state).toHaveLength(1);
      expect(state[0]).toMatch(/^app:\/\/winkelpost\//);
    } finally {
      await app.close();
      data.remove();
    }
  });
});
