/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: electron-builder loads its hooks with require() */
// electron-builder afterPack hook: sets the Electron fuses before the app is signed.
const { flipFuses } = require('@electron/fuses');
const { electronBinary, fuseConfig } = require('./fuses.cjs');

exports.default = async function afterPack(context) {
  const platform = context.electronPlatformName;
  const binary = electronBinary({
    platform,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  await flipFuses(binary, fuseConfig(platform));
  console.log(`Electron-fuses gezet: ${binary}`);
};
