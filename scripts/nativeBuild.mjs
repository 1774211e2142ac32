// better-sqlite3 is compiled for one ABI at a time: Node's (tests, browser mode) or Electron's
// (`npm start` in Electron). Both builds are kept side by side in node_modules/.cache and the one
// needed is copied into place, so switching is a file copy and only the first Electron start
// compiles. `npm run dist` does not use this: electron-builder rebuilds for Electron itself.
// Decisions are plain functions (tested in test/unit/electron-main/nativeBuild.test.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const NATIVE_MODULE = 'better-sqlite3';

/** Node's build is named by its module ABI (NODE_MODULE_VERSION), Electron's by its version. */
export function nodeKey(versions = process.versions) {
  return `node-abi${versions.modules}`;
}

export function electronKey(electronVersion) {
  return `electron-${electronVersion}`;
}

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
    .version;
}

export function nativePaths(root) {
  const release = join(root, 'node_modules', NATIVE_MODULE, 'build', 'Release');
  return {
    active: join(release, 'better_sqlite3.node'),
    /** Which build is in place; absent after `npm install`, which builds for Node. */
    marker: join(release, 'winkelpost-runtime.txt'),
    cacheDir: join(root, 'node_modules', '.cache', 'winkelpost', 'native'),
  };
}

export function cachedBuild(paths, key) {
  return join(paths.cacheDir, `better_sqlite3-${key}.node`);
}

/** none: already in place; swap: copy the kept build in; rebuild: compile it for that runtime. */
export function planSwitch({ current, wanted, cached }) {
  if (current === wanted) return { action: 'none' };
  if (cached.includes(wanted)) return { action: 'swap' };
  return { action: 'rebuild' };
}

/**
 * npm hands its `nodedir` setting (here: Node's own headers in /usr) to node-gyp as
 * npm_config_nodedir; node-gyp then builds against Node's headers whatever the target, and the
 * result does not load in Electron. Every build for Electron runs without it.
 */
export function withoutNodeHeaders(env) {
  const result = { ...env };
  for (const name of Object.keys(result)) {
    if (name.toLowerCase() === 'npm_config_nodedir') delete result[name];
  }
  return result;
}

/**
 * The command that compiles better-sqlite3 for `key`. For Electron, @electron/rebuild fetches a
 * prebuilt binary (GitHub) or Electron's headers (electronjs.org), never from the npm registry.
 */
export function rebuildCommand(key, { root, env, execPath, platform }) {
  if (key.startsWith('electron-')) {
    return {
      command: execPath,
      args: [
        join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'),
        '--version',
        key.slice('electron-'.length),
        '--only',
        NATIVE_MODULE,
        '--force',
        '--module-dir',
        root,
      ],
      env: withoutNodeHeaders(env),
    };
  }
  return {
    command: platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['rebuild', NATIVE_MODULE],
    env: { ...env },
  };
}

/** Said when the Electron build cannot be made (usually: no internet). */
export const OFFLINE_EXPLANATION =
  'better-sqlite3 kon niet voor Electron worden gebouwd: daarvoor zijn de Electron-headers ' +
  '(electronjs.org) of een kant-en-klare build (GitHub) nodig, en die komen niet uit het ' +
  'npm-register. Probeer het opnieuw met internet.';

function readCurrent(paths, fallback) {
  return existsSync(paths.marker) ? readFileSync(paths.marker, 'utf8').trim() : fallback;
}

function keep(paths, key) {
  mkdirSync(paths.cacheDir, { recursive: true });
  copyFileSync(paths.active, cachedBuild(paths, key));
}

function mark(paths, key) {
  writeFileSync(paths.marker, `${key}\n`);
}

/**
 * Puts the build for `wanted` in place (keeping the current one for the way back). Throws with a
 * Dutch explanation when it cannot, leaving the previous build in place.
 */
export function switchNative(root, wanted, { log = console.log, env = process.env } = {}) {
  const paths = nativePaths(root);
  const current = readCurrent(paths, nodeKey());
  const known = [current, wanted].filter((key) => existsSync(cachedBuild(paths, key)));
  const plan = planSwitch({ current, wanted, cached: known });
  if (plan.action === 'none') return plan;
  if (existsSync(paths.active) && !known.includes(current)) keep(paths, current);
  if (plan.action === 'swap') {
    copyFileSync(cachedBuild(paths, wanted), paths.active);
    mark(paths, wanted);
    return plan;
  }
  log(`better-sqlite3 wordt gebouwd voor ${wanted} (eenmalig)…`);
  const {
    command,
    args,
    env: childEnv,
  } = rebuildCommand(wanted, {
    root,
    env,
    execPath: process.execPath,
    platform: process.platform,
  });
  const result = spawnSync(command, args, {
    cwd: root,
    env: childEnv,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !existsSync(paths.active)) {
    // Put the previous build back: a failed compile may have removed or half-written it.
    if (existsSync(cachedBuild(paths, current))) {
      mkdirSync(dirname(paths.active), { recursive: true });
      copyFileSync(cachedBuild(paths, current), paths.active);
      mark(paths, current);
    }
    throw new Error(
      wanted.startsWith('electron-')
        ? OFFLINE_EXPLANATION
        : `better-sqlite3 kon niet voor Node worden gebouwd (npm rebuild ${NATIVE_MODULE}).`,
    );
  }
  keep(paths, wanted);
  mark(paths, wanted);
  return plan;
}

// `node scripts/nativeBuild.mjs node|electron`: switch by hand (e.g. after an Electron run was
// killed, before `npm test`).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const root = join(dirname(new URL(import.meta.url).pathname), '..');
  const target = process.argv[2] === 'electron' ? electronKey(electronVersion(root)) : nodeKey();
  try {
    const plan = switchNative(root, target);
    console.log(`better-sqlite3: ${target} (${plan.action})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
