// `npm start`: Winkelpost in Electron; where Electron cannot start, one line says why and
// browser mode starts instead (it prints its URL).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronKey, electronVersion, nodeKey, switchNative } from './nativeBuild.mjs';
import { chooseStart, electronBinaryPath, hasDisplay } from './startDecision.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Remembered so a machine without internet waits for the download attempt only once.
const triedMarker = join(root, 'node_modules', '.cache', 'winkelpost', 'electron-download-tried');
const DOWNLOAD_TIMEOUT_MS = 90_000;
// An Electron that dies this soon did not start (for example a native module built for Node).
const EARLY_EXIT_MS = 15_000;

function decide() {
  return chooseStart({
    binaryPresent: electronBinaryPath(root) !== null,
    display: hasDisplay(process.env, process.platform),
    env: process.env,
    downloadTried: existsSync(triedMarker),
  });
}

function tryDownload() {
  console.log('Electron ontbreekt; Winkelpost probeert het eenmalig te downloaden…');
  mkdirSync(dirname(triedMarker), { recursive: true });
  writeFileSync(triedMarker, new Date().toISOString());
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
}

function run(args) {
  const result = spawnSync(npm, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Browser mode (and `npm test`) need better-sqlite3 built for Node: put it back if Electron's is in. */
function useNodeBuild() {
  try {
    switchNative(root, nodeKey());
  } catch (error) {
    console.error(error.message);
  }
}

function browserMode(reason) {
  console.log(reason);
  useNodeBuild();
  const child = spawn(npm, ['run', 'start:browser', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function launchElectron() {
  run(['run', 'build', '--silent']);
  try {
    switchNative(root, electronKey(electronVersion(root)));
  } catch (error) {
    browserMode(`${error.message} Winkelpost start in browsermodus.`);
    return;
  }
  const startedAt = Date.now();
  const child = spawn(electronBinaryPath(root), [root], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => {
    useNodeBuild();
    if (code !== 0 && Date.now() - startedAt < EARLY_EXIT_MS) {
      browserMode(
        `Electron kon niet starten (afsluitcode ${code}); Winkelpost start in browsermodus.`,
      );
      return;
    }
    process.exit(code ?? 0);
  });
}

let choice = decide();
if (choice.mode === 'download') {
  tryDownload();
  choice = decide();
}
if (choice.mode === 'electron') launchElectron();
else browserMode(choice.reason ?? 'Winkelpost start in browsermodus.');
