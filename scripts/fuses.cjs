/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: electron-builder loads its hooks with require() */
// The Electron fuses of every packaged Winkelpost (flipped by scripts/afterPack.cjs).
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** One entry per fuse of the V1 wire, so a fuse added by a newer Electron is a visible failure. */
function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Ad-hoc signatures break when the binary changes; the real signature comes after afterPack.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Where the Electron executable sits in electron-builder's output for each platform. */
function electronBinary({ platform, appOutDir, productFilename, executableName }) {
  if (platform === 'darwin') return `${appOutDir}/${productFilename}.app`;
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`;
  return `${appOutDir}/${executableName}`;
}

module.exports = { fuseConfig, electronBinary };
