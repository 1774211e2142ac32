import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../electron/paths';
import { bundleForNode } from '../bundleForNode';

/** How the measured app process runs: bundled by esbuild as the shipped app, or through tsx. */
export type Runner = 'esbuild' | 'tsx';

const HERE = join(PROJECT_ROOT, 'test/bench/send');

/** Starts a bench process with an IPC channel; resolves once it is spawned. */
export async function startProcess(
  entry: string,
  runner: Runner,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  if (runner === 'esbuild') {
    // As the shipped app: the import's worker thread is a bundle of its own beside the main one.
    await bundleForNode(
      join(PROJECT_ROOT, 'electron/services/selections/worker/importWorker.ts'),
      join(PROJECT_ROOT, 'out/bench/importWorker.mjs'),
    );
  }
  const file =
    runner === 'tsx'
      ? join(HERE, entry)
      : await bundleForNode(
          join(HERE, entry),
          join(PROJECT_ROOT, 'out/bench', entry.replace(/\.ts$/, '.mjs')),
        );
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
