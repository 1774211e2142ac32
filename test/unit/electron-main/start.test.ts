import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseStart, electronBinaryPath, hasDisplay } from '../../../scripts/startDecision.mjs';
import { tempDir } from '../../helpers/tempDir';

describe('npm start: Electron or browser mode', () => {
  const base = { binaryPresent: true, display: true, env: {}, downloadTried: false };

  it('launches Electron when the binary and a display are there', () => {
    expect(chooseStart(base)).toEqual({ mode: 'electron' });
  });

  it('tries the download once on a desktop without the binary', () => {
    expect(chooseStart({ ...base, binaryPresent: false })).toEqual({ mode: 'download' });
    const after = chooseStart({ ...base, binaryPresent: false, downloadTried: true });
    expect(after.mode).toBe('browser');
    expect(after.mode === 'browser' && after.reason).toMatch(/kon niet worden gedownload/);
  });

  it('never downloads in CI or when told not to, and says the binary is missing', () => {
    for (const env of [{ CI: 'true' }, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }]) {
      const choice = chooseStart({ ...base, binaryPresent: false, env });
      expect(choice.mode).toBe('browser');
      expect(choice.mode === 'browser' && choice.reason).toMatch(/niet geïnstalleerd/);
    }
  });

  it('falls back without a display, in one line', () => {
    const choice = chooseStart({ ...base, display: false });
    expect(choice.mode === 'browser' && choice.reason).toMatch(/geen beeldscherm/);
    expect(choice.mode === 'browser' && choice.reason.includes('\n')).toBe(false);
  });

  it('knows which platforms have a screen', () => {
    expect(hasDisplay({}, 'win32')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
  });
});

describe('electronBinaryPath', () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir.remove());

  it('is null when path.txt or the binary is missing, the binary when both exist', () => {
    dir = tempDir();
    const pkg = join(dir.path, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(electronBinaryPath(dir.path)).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(electronBinaryPath(dir.path)).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronBinaryPath(dir.path)).toBe(join(pkg, 'dist', 'electron'));
  });
});
