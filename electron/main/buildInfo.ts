// Replaced by scripts/build-node.mjs (esbuild define) with the BRANDING chosen at build time.
declare const __WINKELPOST_BRANDING__: string | undefined;

export const BUILD_BRANDING: string =
  typeof __WINKELPOST_BRANDING__ === 'string' ? __WINKELPOST_BRANDING__ : 'winkelpost';
