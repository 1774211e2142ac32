import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. Flags keep it off the (closed) network.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One retry: a test that passes only the second time is listed as "flaky" in the report, so a
  // timing fluke on a loaded two-core machine shows without blocking; one that fails twice fails.
  retries: 1,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'nl-NL',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
