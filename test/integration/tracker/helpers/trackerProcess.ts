import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import { freePort } from '../../../helpers/freePort';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export interface TrackerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the tracker's processes printed so far. */
  output(): string;
  /** The pids of the processes that logged a message starting with `message`, oldest first. */
  pidsThatLogged(message: string): number[];
  /** Waits until `count` processes have logged a message starting with `message`. */
  waitForLog(message: string, count?: number): Promise<void>;
  /** Sends the signal to the primary and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface TrackerProcessOptions {
  dbPath: string;
  workers: number;
  env?: Record<string, string>;
  /** The folder it starts in (its defaults are relative to it); the project's root by default. */
  cwd?: string;
}

/** tsx's loader by its file URL: `--import tsx` would be looked up from the tracker's cwd. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function spawnTracker(options: TrackerProcessOptions, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'tracker', 'cli.ts')], {
    cwd: options.cwd ?? ROOT,
    env: {
      ...process.env,
      TRACKER_DB: options.dbPath,
      TRACKER_PORT: String(port),
      TRACKER_PUBLIC_URL: 'https://t.example',
      TRACKER_WORKERS: String(options.workers),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** `npm run tracker` expected to refuse to start: its exit code and what it printed. */
export async function trackerRefusal(
  options: TrackerProcessOptions,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTracker(options, await freePort());
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
    // It started after all: stopped, so the test fails on its output instead of waiting.
    if (stdout.includes('"msg":"tracker on')) process.kill(-child.pid!, 'SIGKILL');
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // 'close', not 'exit': its output is all read by then.
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/**
 * `npm run tracker` as a child (in its own process group, so a test can SIGKILL all of it at
 * once), resolved once every worker listens and the ingester runs.
 */
export async function startTrackerProcess(options: TrackerProcessOptions): Promise<TrackerProcess> {
  const port = await freePort();
  const child = spawnTracker(options, port);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const pidsThatLogged = (message: string) =>
    output
      .split('\n')
      .filter((line) => line.includes(`"msg":"${message}`))
      .map((line) => (JSON.parse(line) as { pid: number }).pid);
  const waitForLog = (message: string, count = 1) =>
    vi.waitFor(
      () => {
        if (pidsThatLogged(message).length < count)
          throw new Error(`waiting for ${count}× "${message}" in:\n${output}`);
      },
      { timeout: 60_000, interval: 100 },
    );
  await waitForLog('tracker on', options.workers);
  await waitForLog('spool ingester started');
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    pidsThatLogged,
    waitForLog,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
