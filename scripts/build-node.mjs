// Bundles the Electron main process (ESM) and the preload script (CommonJS: a sandboxed preload
// cannot be an ES module) with esbuild. Needs no Electron binary, so `npm run build` works anywhere.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brandingName } from './branding.mjs';
import { mjmlWorkerBundling } from './mjmlWorkerBundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Modules such as electron/paths.ts and db/openDatabase.ts find resources, package.json and the
 * migrations through import.meta.url. In one bundle that would point at out/main/index.mjs, so each
 * source file's import.meta.url is rewritten to its own location relative to the bundle. The same
 * layout holds inside the packaged app.asar (out/, electron/…, db/migrations, resources/).
 */
export function keepImportMetaUrl(mainDir) {
  return {
    name: 'keep-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
        if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const rel = relative(mainDir, args.path).split('\\').join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(rel)}, import.meta.url).href`,
          ),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}

/** Builds main and preload into outDir (default out/); returns the two files. */
export async function buildNode({ outDir = join(root, 'out'), branding = brandingName() } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  const main = join(outDir, 'main', 'index.mjs');
  const preload = join(outDir, 'preload', 'index.cjs');
  await build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: main,
    format: 'esm',
    // Dependencies stay in node_modules (native modules such as better-sqlite3 cannot be bundled).
    packages: 'external',
    external: ['electron'],
    define: { __WINKELPOST_BRANDING__: JSON.stringify(branding) },
    plugins: [keepImportMetaUrl(dirname(main))],
  });
  // The import's worker thread, found beside the main bundle (importWorkerClient.ts).
  await build({
    ...common,
    entryPoints: ['electron/services/selections/worker/importWorker.ts'],
    outfile: join(dirname(main), 'importWorker.mjs'),
    format: 'esm',
    packages: 'external',
    plugins: [keepImportMetaUrl(dirname(main))],
  });
  // MJML's compile thread, found beside the main bundle (render/mjmlWorkerFile.ts), with MJML in
  // it and the packages it never uses left out (mjmlWorkerBundle.mjs).
  await build({
    ...common,
    entryPoints: ['electron/services/render/mjmlWorker.ts'],
    outfile: join(dirname(main), 'mjmlWorker.mjs'),
    format: 'esm',
    ...mjmlWorkerBundling(),
  });
  await build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: preload,
    format: 'cjs',
    external: ['electron'],
  });
  return { main, preload, branding };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { branding } = await buildNode();
    console.log(`Gebouwd: out/main/index.mjs en out/preload/index.cjs (branding: ${branding})`);
  } catch (error) {
    // A wrong BRANDING is the usual cause: one clear line, no stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
