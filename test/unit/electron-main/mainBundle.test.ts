import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode } from '../../../scripts/build-node.mjs';

const root = resolve(__dirname, '../../..');

// Without an Electron binary, the next best check: the built main bundle links (every import
// resolves, ESM/CommonJS interop included) and does the right things at load time, against a
// stand-in for the 'electron' module. Built inside the repo so node_modules resolve.
describe('built main bundle', () => {
  const cache = join(root, 'node_modules', '.cache', 'winkelpost-tests');
  let dir = '';
  let calls: string[] = [];
  beforeAll(async () => {
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(join(cache, 'out-'));
    const { main } = await buildNode({ outDir: dir, branding: 'winkelpost' });
    const output = execFileSync(
      process.execPath,
      [join(__dirname, 'fixtures', 'load-main.mjs'), main],
      { cwd: root, encoding: 'utf8' },
    );
    calls = JSON.parse(output.trim().split('\n').at(-1)!) as string[];
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers the app:// scheme before anything else (it must precede ready)', () => {
    expect(calls[0]).toBe('protocol.registerSchemesAsPrivileged');
  });

  it('leaves at once when another Winkelpost already runs (single-instance lock)', () => {
    const lock = calls.indexOf('app.requestSingleInstanceLock');
    expect(lock).toBeGreaterThan(0);
    expect(calls.slice(lock)).toContain('app.quit');
    expect(calls).not.toContain('protocol.handle');
    expect(calls).not.toContain('ipcMain.handle');
  });
});
