import { dirname } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without types.
import { keepImportMetaUrl } from '../../scripts/build-node.mjs';

/**
 * Bundles a bench process as scripts/build-node.mjs bundles the shipped main process: esbuild,
 * dependencies left in node_modules, and each source file keeping its own import.meta.url (which
 * paths.ts and openDatabase.ts use to find the project and the migrations). So a bench can
 * measure the app as it ships, and tell what tsx adds. Returns the bundle's path.
 */
export async function bundleForNode(
  entry: string,
  outfile: string,
  bundling: Pick<BuildOptions, 'packages' | 'plugins' | 'banner'> = {},
): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    ...(bundling.packages ? { packages: bundling.packages } : {}),
    ...(bundling.banner ? { banner: bundling.banner } : {}),
    plugins: [keepImportMetaUrl(dirname(outfile)), ...(bundling.plugins ?? [])],
  });
  return outfile;
}
