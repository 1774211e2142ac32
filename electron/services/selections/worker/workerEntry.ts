import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLED = join(import.meta.dirname, 'importWorker.mjs');
const SOURCE = join(import.meta.dirname, 'importWorker.ts');

let fromSource: Promise<string | null> | undefined;

/**
 * The import worker's entry file. In a bundle (the shipped app, the benches): importWorker.mjs
 * beside the running code (scripts/build-node.mjs builds it beside out/main/index.mjs), since
 * import.meta.dirname is the bundle's folder there. Run from source (tsx: browser mode, tests,
 * dev), the worker is bundled with esbuild once per process into node_modules/.cache: a worker
 * that ran its TypeScript through tsx itself took some 20 MB and 250 ms more to start, at every
 * import. Null when esbuild cannot do it: the caller then runs the source through tsx.
 */
export function workerEntry(): Promise<string | null> {
  if (existsSync(BUNDLED)) return Promise.resolve(BUNDLED);
  fromSource ??= bundleSource().catch(() => null);
  return fromSource;
}

async function bundleSource(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  // Named by its content: processes bundling the same source share one file, never a stale one.
  const name = `importWorker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  // Inside node_modules, so the bundle's packages resolve as from the source.
  const dir = join(import.meta.dirname, '../../../../node_modules/.cache/winkelpost');
  const file = join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return file;
}
