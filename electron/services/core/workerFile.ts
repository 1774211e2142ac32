import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/winkelpost', import.meta.url));
const fromSource = new Map<string, Promise<string>>();

/**
 * A worker thread's entry file. In a bundle (the shipped app, the benches): `<name>.mjs` in
 * `bundleDir`, the caller's import.meta.dirname, which is the bundle's folder there
 * (scripts/build-node.mjs builds each worker beside out/main/index.mjs). Run from source (tsx:
 * browser mode, tests, dev), `source` is bundled with esbuild once per process into
 * node_modules/.cache: Node 20 starts a worker's entry before tsx's `--import` hook, and a worker
 * that ran its TypeScript through tsx itself took some 20 MB and 250 ms more to start.
 * `bundling` gives the worker's own esbuild options (by default its packages stay in node_modules).
 */
export function workerFile(
  name: string,
  bundleDir: string,
  source: URL,
  bundling?: () => Promise<WorkerBundling>,
): Promise<string> {
  const bundled = join(bundleDir, `${name}.mjs`);
  if (existsSync(bundled)) return Promise.resolve(bundled);
  let file = fromSource.get(name);
  if (!file) {
    file = bundleSource(name, fileURLToPath(source), bundling);
    fromSource.set(name, file);
    // A failed bundling is not kept, so the next start tries again.
    file.catch(() => fromSource.delete(name));
  }
  return file;
}

export type WorkerBundling = Pick<BuildOptions, 'packages' | 'plugins' | 'banner'>;

async function bundleSource(
  name: string,
  source: string,
  bundling?: () => Promise<WorkerBundling>,
): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    ...(bundling ? await bundling() : {}),
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  // Named by its content: processes bundling the same source share one file, never a stale one.
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(CACHE, `${name}-${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return file;
}
