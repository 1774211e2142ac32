// `BRANDING=<name> npm run dist [-- --win|--mac|--linux]`: check the brand, build, package.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brandingName } from './branding.mjs';
import { distConfig, signingFromEnv } from './distConfig.mjs';
import { withoutNodeHeaders } from './nativeBuild.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const shell = process.platform === 'win32';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const name = brandingName(process.env);
run(npm, ['run', '--silent', 'branding:check', '--', name]);
const branding = JSON.parse(
  readFileSync(join(root, 'resources', 'branding', `${name}.json`), 'utf8'),
);
run(npm, ['run', '--silent', 'build'], { ...process.env, BRANDING: name });

const signing = signingFromEnv(process.env);
console.log(
  `Verpakken: ${branding.productName} (${name}); ondertekend: mac ${signing.macCertificate ? 'ja' : 'nee'}, windows ${signing.winCertificate ? 'ja' : 'nee'}, notarisatie ${signing.notarize ? 'ja' : 'nee'}`,
);
// Without a certificate, do not pick one from the keychain by accident: unsigned on purpose.
if (!signing.macCertificate) process.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
// electron-builder rebuilds better-sqlite3 for Electron (npmRebuild in electron-builder.yml);
// with npm's nodedir it would compile against Node's headers and the app would not start.
const kept = withoutNodeHeaders(process.env);
for (const name of Object.keys(process.env)) if (!(name in kept)) delete process.env[name];
const { build } = await import('electron-builder');
await build({
  projectDir: root,
  config: distConfig(branding, process.env),
  publish: 'never',
  ...(process.argv.includes('--win') ? { win: [] } : {}),
  ...(process.argv.includes('--mac') ? { mac: [] } : {}),
  ...(process.argv.includes('--linux') ? { linux: [] } : {}),
});
