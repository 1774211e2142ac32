import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  brandingFiles,
  checkBrandingFile,
} from '../../../electron/services/desktop/brandingSchema';
import { loadBranding } from '../../../electron/services/app/branding';
import { tempDir } from '../../helpers/tempDir';

const brandingDir = resolve(__dirname, '../../../resources/branding');

describe('branding files', () => {
  it('are all valid, including their images', () => {
    const files = brandingFiles(brandingDir);
    expect(files).toContain('winkelpost.json');
    for (const file of files) expect(checkBrandingFile(brandingDir, file), file).toBeNull();
  });

  it('still load through the app’s own branding reader', () => {
    for (const file of brandingFiles(brandingDir)) {
      const brand = loadBranding(resolve(brandingDir, '..'), file.slice(0, -5));
      expect(brand.productName.length).toBeGreaterThan(0);
    }
  });
});

describe('checkBrandingFile', () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir.remove());

  const write = (name: string, patch: Record<string, unknown>) => {
    dir = tempDir('winkelpost-branding-');
    mkdirSync(join(dir.path, 'icons'));
    for (const icon of ['winkelpost-logo.png', 'winkelpost-tray.png']) {
      copyFileSync(join(brandingDir, 'icons', icon), join(dir.path, 'icons', icon));
    }
    const base = JSON.parse(readFileSync(join(brandingDir, 'winkelpost.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(join(dir.path, `${name}.json`), JSON.stringify({ ...base, ...patch }));
  };

  it('names every problem: insecure URLs, bad colours, missing images, wrong name, unknown keys', () => {
    write('winkelpost', {
      updateUrl: 'http://updates.example.nl',
      primaryColor: 'green',
      logo: 'icons/missing.png',
      extra: true,
    });
    const problem = checkBrandingFile(dir.path, 'winkelpost.json');
    const text = problem!.problems.join('\n');
    expect(text).toMatch(/updateUrl/);
    expect(text).toMatch(/primaryColor/);
    expect(text).toMatch(/extra/);
    write('other-name', {});
    expect(checkBrandingFile(dir.path, 'other-name.json')!.problems.join()).toMatch(/name/);
    write('winkelpost', { logo: 'icons/missing.png' });
    expect(checkBrandingFile(dir.path, 'winkelpost.json')!.problems.join()).toMatch(/missing/);
  });

  it('refuses an image path outside the branding folder', () => {
    write('winkelpost', { trayIcon: '../../secret.png' });
    expect(checkBrandingFile(dir.path, 'winkelpost.json')!.problems.join()).toMatch(/trayIcon/);
  });
});
