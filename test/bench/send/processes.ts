import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../../electron/paths';

/** How the measured app process runs: bundled by esbuild as the shipped app, or through tsx. */
export type Runner = 'esbuild' | 'tsx';

const HERE = join(PROJECT_ROOT, 'test/bench/send');

/**
 * Bundles a bench process like scripts/build-node.mjs bundles the main process: dependencies stay
 * in node_modules (so the bundle lives under out/), and each source file keeps its own
 * import.meta.url, which paths.ts and openDatabase.ts use to find the project and migrations.
 */
async function bundle(entry: string): Promise<string> {
  const outfile = join(PROJECT_ROOT, 'out/bench', entry.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(HERE, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'keep-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, async (args) => {
            if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
            const source = await readFile(args.path, 'utf8');
            if (!source.includes('import.meta.url')) return undefined;
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
          });
        },
      },
    ],
  });
  return outfile;
}

/** Starts a bench process with an IPC channel; resolves once it is spawned. */
export async function startProcess(
  entry: string,
  runner: Runner,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const file = runner === 'tsx' ? join(HERE, entry) : await bundle(entry);
  const child = fork(file, [], {
    cwd: PROJECT_ROOT,
    execArgv: runner === 'tsx' ? ['--import', 'tsx'] : [],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return child;
}

/** The next IPC message of the given type; rejects if the process exits first. */
export function nextMessage<T extends { type: string }>(
  child: ChildProcess,
  type: T['type'],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`bench process exited (${code}) before sending '${type}'`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}
