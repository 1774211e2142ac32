// `npm run security:electron`: Electronegativity over the sources that run in Electron (main,
// preload, renderer, package.json). Fails on any finding not explained in
// scripts/electronegativity-allowlist.json, and on any file it could not parse (unscanned code).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The tool fetches translations and Electron's release list from GitHub; we never go online. */
function offlineGot() {
  const entry = require.resolve('@doyensec/electronegativity');
  const gotPath = require.resolve('got', { paths: [dirname(entry)] });
  const offline = () => Promise.reject(new Error('offline by design'));
  offline.head = offline;
  offline.default = offline;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
  return require(entry);
}

/** A finding is explained when the allowlist names its check and file (lines move; reasons don't). */
export function unexplained(issues, allowlist) {
  return issues.filter(
    (issue) => !allowlist.some((entry) => entry.id === issue.id && entry.file === issue.file),
  );
}

async function main() {
  const allowlist = JSON.parse(
    readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8'),
  ).findings;
  const stage = mkdtempSync(join(tmpdir(), 'winkelpost-electronegativity-'));
  try {
    for (const path of [
      'electron/main',
      'electron/preload',
      'renderer/src',
      'renderer/index.html',
      'package.json',
    ]) {
      cpSync(join(root, path), join(stage, path), { recursive: true });
    }
    const run = offlineGot();
    // Its one "could not retrieve translations" line is expected offline: keep the output clean.
    const log = console.log;
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    const electronVersion = require('electron/package.json').version;
    const result = await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    }).finally(() => {
      console.log = log;
    });
    const broken = result.errors.filter((e) => !e.tolerable);
    const open = unexplained(result.issues, allowlist);
    const stale = allowlist.filter(
      (entry) => !result.issues.some((i) => i.id === entry.id && i.file === entry.file),
    );
    for (const entry of stale)
      console.log(`Niet meer gevonden (mag uit de allowlist): ${entry.id} ${entry.file}`);
    for (const error of broken) console.error(`Niet gescand: ${error.file}: ${error.message}`);
    for (const issue of open) {
      console.error(`${issue.id} ${issue.file}:${issue.location.line} — ${issue.description}`);
    }
    console.log(
      `Electronegativity: ${result.issues.length} bevindingen, ${result.issues.length - open.length} verklaard, ${open.length} onverklaard, ${broken.length} bestanden niet gescand.`,
    );
    if (open.length > 0 || broken.length > 0) process.exitCode = 1;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('electronegativity.mjs')
) {
  await main();
}
