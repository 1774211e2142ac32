import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import { distConfig, signingFromEnv } from '../../../scripts/distConfig.mjs';
import { electronBinary, fuseConfig } from '../../../scripts/fuses.cjs';
import { loadResellerBranding } from '../../../electron/services/desktop/brandingSchema';

const root = resolve(__dirname, '../../..');
const require = createRequire(join(root, 'package.json'));
// electron-builder's own YAML reader and JSON schema, so the check matches what it will accept.
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (options: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};
const schema = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as object;

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  afterPack: string;
  nsis: Record<string, unknown>;
  mac: { target: { target: string; arch: string[] }[] };
  win: { target: { target: string }[] };
  linux: { target: string[] };
};
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

function validate(data: unknown): unknown {
  const check = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
  return check(data) ? null : check.errors;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', () => {
    expect(validate(config)).toBeNull();
  });

  it('is checked for real: a misspelt or mistyped option is refused', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).not.toBeNull();
    expect(validate({ ...config, asarUnpak: ['x'] })).not.toBeNull();
  });

  it('builds NSIS with the per-user / per-machine choice, DMG for both Mac chips and an AppImage', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.nsis.createDesktopShortcut).toBe('always');
    expect(config.nsis.createStartMenuShortcut).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.linux.target).toEqual(['AppImage']);
  });

  it('packs what the app reads at run time and unpacks the native modules', () => {
    for (const entry of ['out/**', 'renderer/dist/**', 'resources/**', 'db/migrations/**']) {
      expect(config.files).toContain(entry);
    }
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('sharp'))).toBe(true);
  });

  it('rebuilds the native modules for Electron while packaging (npm start does its own)', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('runs the fuses hook after packing', () => {
    expect(config.afterPack).toBe('scripts/afterPack.cjs');
    const hook = require(join(root, config.afterPack)) as { default: unknown };
    expect(typeof hook.default).toBe('function');
    expect(existsSync(join(root, 'build', 'entitlements.mac.plist'))).toBe(true);
  });
});

describe('Electron fuses', () => {
  const fuses = fuseConfig('win32');

  it('turns off running as Node, NODE_OPTIONS, inspect and extra file:// rights', () => {
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('turns on cookie encryption, asar integrity and loading the app only from the asar', () => {
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('sets every fuse Electron knows, so a new one is noticed', () => {
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of known) expect(typeof fuses[fuse], `fuse ${fuse}`).toBe('boolean');
    expect(fuses.strictlyRequireAllFuses).toBe(true);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('finds the Electron executable per platform', () => {
    const base = { appOutDir: '/o', productFilename: 'Kassapost', executableName: 'kassapost' };
    expect(electronBinary({ ...base, platform: 'darwin' })).toBe('/o/Kassapost.app');
    expect(electronBinary({ ...base, platform: 'win32' })).toBe('/o/Kassapost.exe');
    expect(electronBinary({ ...base, platform: 'linux' })).toBe('/o/kassapost');
  });
});

describe('npm run dist: brand and signing', () => {
  const brand = loadResellerBranding(join(root, 'resources', 'branding'), 'kassapartner');

  it("takes the brand's identity and update feed", () => {
    const built = distConfig(brand, {});
    expect(built).toMatchObject({
      extends: './electron-builder.yml',
      appId: 'nl.kassapartner.kassapost',
      productName: 'Kassapost',
      publish: { provider: 'generic', url: brand.updateUrl },
    });
    const { extends: _base, ...overrides } = built;
    expect(validate({ ...config, ...overrides })).toBeNull();
  });

  it('publishes no feed for a brand without an update server', () => {
    expect(distConfig({ ...brand, updateUrl: '' }, {}).publish).toBeNull();
  });

  it('signs and notarizes only with the credentials in the environment', () => {
    expect(signingFromEnv({})).toEqual({
      macCertificate: false,
      winCertificate: false,
      notarize: false,
    });
    const env = {
      CSC_LINK: 'cert.p12',
      APPLE_ID: 'a@b.nl',
      APPLE_APP_SPECIFIC_PASSWORD: 'x',
      APPLE_TEAM_ID: 'T',
    };
    expect(signingFromEnv(env)).toEqual({
      macCertificate: true,
      winCertificate: true,
      notarize: true,
    });
    expect(signingFromEnv({ ...env, CSC_LINK: undefined }).notarize).toBe(false);
    expect(distConfig(brand, env).mac).toEqual({ notarize: true });
  });
});
