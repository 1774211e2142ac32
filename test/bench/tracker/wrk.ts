import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** wrk (Debian package `wrk`): fixed connections, latency percentiles, many paths via Lua. */
export const WRK = '/usr/bin/wrk';
export const hasWrk = () => existsSync(WRK);

export interface WrkResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx or 3xx, plus socket errors and timeouts. */
  failed: number;
}

/** A Lua script that walks through the paths, so every request carries another token. */
export function pathScript(dir: string, name: string, paths: string[]): string {
  const file = join(dir, `${name}.lua`);
  writeFileSync(
    file,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\n` +
      'local i = math.random(#paths)\n' +
      'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n',
  );
  return file;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
function duration(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  return match ? Number(match[1]) * MS[match[2]!]! : NaN;
}

export function parseWrk(output: string): WrkResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN);
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const p50Ms = duration(/^\s+50%\s+(\S+)/m.exec(output)?.[1]);
  const p99Ms = duration(/^\s+99%\s+(\S+)/m.exec(output)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  const socketErrors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
  return { requests, perSecond, p50Ms, p99Ms, failed: non2xx + socketErrors };
}

export async function wrk(options: {
  url: string;
  script: string;
  connections: number;
  threads: number;
  seconds: number;
}): Promise<WrkResult> {
  const { stdout } = await run(WRK, [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    '-s',
    options.script,
    options.url,
  ]);
  return parseWrk(stdout);
}
