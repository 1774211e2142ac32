import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OFFLINE_EXPLANATION,
  electronKey,
  nativePaths,
  nodeKey,
  planSwitch,
  rebuildCommand,
  switchNative,
  withoutNodeHeaders,
} from '../../../scripts/nativeBuild.mjs';
import { tempDir } from '../../helpers/tempDir';

describe('planSwitch', () => {
  it('does nothing when the wanted build is in place', () => {
    expect(planSwitch({ current: 'node-abi115', wanted: 'node-abi115', cached: [] })).toEqual({
      action: 'none',
    });
  });
  it('copies a kept build in instead of compiling again', () => {
    expect(
      planSwitch({
        current: 'node-abi115',
        wanted: 'electron-39.8.10',
        cached: ['node-abi115', 'electron-39.8.10'],
      }),
    ).toEqual({ action: 'swap' });
  });
  it('compiles a build it has never made', () => {
    expect(
      planSwitch({ current: 'node-abi115', wanted: 'electron-39.8.10', cached: ['node-abi115'] }),
    ).toEqual({ action: 'rebuild' });
  });
});

describe('rebuildCommand', () => {
  const context = {
    root: '/project',
    env: { PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' },
    execPath: '/usr/bin/node',
    platform: 'linux',
  };

  it('builds only better-sqlite3 for the Electron version, without Node’s own headers', () => {
    const { command, args, env } = rebuildCommand(electronKey('39.8.10'), context);
    expect(command).toBe('/usr/bin/node');
    expect(args[0]).toBe(join('/project', 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'));
    expect(args.slice(1)).toEqual([
      '--version',
      '39.8.10',
      '--only',
      'better-sqlite3',
      '--force',
      '--module-dir',
      '/project',
    ]);
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('goes back to Node with npm rebuild', () => {
    expect(rebuildCommand(nodeKey({ modules: '115' }), context)).toEqual({
      command: 'npm',
      args: ['rebuild', 'better-sqlite3'],
      env: context.env,
    });
    expect(rebuildCommand('node-abi115', { ...context, platform: 'win32' }).command).toBe(
      'npm.cmd',
    );
  });
});

/**
 * A project folder whose @electron/rebuild is a small script: it "compiles" by writing the
 * Electron version into better_sqlite3.node, counts its runs, and fails when told to (offline).
 */
function fakeProject() {
  const dir = tempDir('winkelpost-native-');
  const root = dir.path;
  const paths = nativePaths(root);
  mkdirSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
  writeFileSync(paths.active, 'built for node');
  const cli = join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  mkdirSync(join(cli, '..'), { recursive: true });
  writeFileSync(
    cli,
    `const fs = require('node:fs');
const args = process.argv.slice(2);
const root = args[args.indexOf('--module-dir') + 1];
const out = root + '/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
fs.appendFileSync(root + '/runs.log', (process.env.npm_config_nodedir ?? 'no-nodedir') + '\\n');
if (process.env.FAKE_OFFLINE === '1') { fs.writeFileSync(out, ''); fs.rmSync(out); process.exit(1); }
fs.writeFileSync(out, 'built for electron ' + args[args.indexOf('--version') + 1]);
`,
  );
  const runs = () => readFileSync(join(root, 'runs.log'), 'utf8').trim().split('\n');
  const active = () => readFileSync(paths.active, 'utf8');
  return { dir, root, runs, active };
}

describe('withoutNodeHeaders', () => {
  it('drops npm’s nodedir in any spelling and keeps the rest', () => {
    expect(
      withoutNodeHeaders({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', HOME: '/h' }),
    ).toEqual({ HOME: '/h' });
  });
});

describe('switchNative', () => {
  let project: ReturnType<typeof fakeProject>;
  afterEach(() => project.dir.remove());
  const quiet = { log: () => undefined };
  const electron = electronKey('39.8.10');

  it('compiles for Electron once, then switches both ways by copying', () => {
    project = fakeProject();
    const env = { ...process.env, npm_config_nodedir: '/usr' };
    expect(switchNative(project.root, electron, { ...quiet, env })).toEqual({ action: 'rebuild' });
    expect(project.active()).toBe('built for electron 39.8.10');
    expect(project.runs()).toEqual(['no-nodedir']);

    expect(switchNative(project.root, nodeKey(), { ...quiet, env })).toEqual({ action: 'swap' });
    expect(project.active()).toBe('built for node');

    expect(switchNative(project.root, electron, { ...quiet, env })).toEqual({ action: 'swap' });
    expect(project.active()).toBe('built for electron 39.8.10');
    expect(project.runs()).toHaveLength(1);
    expect(switchNative(project.root, electron, { ...quiet, env })).toEqual({ action: 'none' });
  });

  it('offline: says why in Dutch and leaves the Node build in place for the tests', () => {
    project = fakeProject();
    const env = { ...process.env, FAKE_OFFLINE: '1' };
    expect(() => switchNative(project.root, electron, { ...quiet, env })).toThrow(
      OFFLINE_EXPLANATION,
    );
    expect(OFFLINE_EXPLANATION).toMatch(/npm-register/);
    expect(project.active()).toBe('built for node');
    expect(switchNative(project.root, nodeKey(), quiet)).toEqual({ action: 'none' });
  });
});
