import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs build script without types.
import { keepImportMetaUrl } from '../../../scripts/build-node.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles importChild.ts as the app ships (esbuild, dependencies left in node_modules), so the
 * bench can tell what tsx adds to the process's memory. Returns the bundle's path.
 */
export async function bundleImportChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'importChild.mjs');
  await build({
    entryPoints: [join(here, 'importChild.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    plugins: [keepImportMetaUrl(outDir)],
  });
  return outfile;
}
