import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandingName } from '../../../scripts/branding.mjs';
import { buildNode } from '../../../scripts/build-node.mjs';
import { tempDir } from '../../helpers/tempDir';

const root = resolve(__dirname, '../../..');

// npm run build:node, into a temp folder: no Electron binary involved.
describe('build-node', () => {
  const dir = tempDir('winkelpost-build-');
  let main = '';
  let preload = '';
  beforeAll(async () => {
    const built = await buildNode({ outDir: join(dir.path, 'out'), branding: 'winkelpost' });
    main = readFileSync(built.main, 'utf8');
    preload = readFileSync(built.preload, 'utf8');
  }, 60_000);
  afterAll(() => dir.remove());

  it('makes an ES module main that leaves electron and native modules external', () => {
    expect(main).toMatch(/from "electron"/);
    expect(main).toMatch(/from "better-sqlite3"/);
    expect(main).not.toMatch(/require\("electron"\)/);
  });

  it('keeps each module finding files relative to its own source location', () => {
    const paths = /new URL\("([^"]+electron\/paths\.ts)", import\.meta\.url\)/.exec(main);
    expect(paths).not.toBeNull();
    // Resolved from the bundle's folder, the rewritten URL lands on the real source file.
    expect(resolve(join(dir.path, 'out', 'main'), paths![1]!)).toBe(
      join(root, 'electron', 'paths.ts'),
    );
  });

  it('bakes the chosen branding into main', () => {
    expect(main).toContain('"winkelpost"');
    expect(main).not.toContain('__WINKELPOST_BRANDING__');
  });

  it('makes a CommonJS preload (sandboxed preloads cannot be ES modules)', () => {
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^import /m);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toContain('better-sqlite3');
  });
});

describe('brandingName', () => {
  it('defaults to winkelpost and refuses names that are not a branding file', () => {
    expect(brandingName({})).toBe('winkelpost');
    expect(() => brandingName({ BRANDING: '../secrets' })).toThrow(/geen geldige naam/);
    expect(() => brandingName({ BRANDING: 'bestaat-niet' })).toThrow(/bestaat niet/);
  });
});
