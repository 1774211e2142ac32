import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIXEL_GIF, PIXEL_HEADERS } from '../../../tracker/pixelPath';
import { freePort } from '../../helpers/freePort';

/** The servers the tracker's pixel is compared with, each with the same number of workers. */
export const NGINX = '/usr/sbin/nginx';
const root = join(import.meta.dirname, '..', '..', '..');

export interface Running {
  url: string;
  child: ChildProcess;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await (await fetch(`${url}/o/warmup.gif`)).arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

/** Stops with SIGTERM and resolves with the exit code (the tracker drains its events first). */
export async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.kill('SIGTERM');
  return exited;
}

/** Debian's nginx-light serving the same GIF for every /o/ path, from its own temp config. */
export async function startNginx(dir: string, workers: number): Promise<Running> {
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'html', 'o'), { recursive: true });
  writeFileSync(join(prefix, 'html', 'pixel.gif'), PIXEL_GIF);
  // Its workers drop root rights and must still read the file.
  for (const path of [dir, prefix, join(prefix, 'html')]) chmodSync(path, 0o755);
  chmodSync(join(prefix, 'html', 'pixel.gif'), 0o644);
  const port = await freePort();
  const headers = Object.entries(PIXEL_HEADERS)
    .filter(([name]) => name !== 'content-type')
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join(' ');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes ${workers};
daemon off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} error;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${join(prefix, 'html')};
    location /o/ { default_type image/gif; ${headers} try_files /pixel.gif =404; }
  }
}
`,
  );
  const child = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return { url, child };
}

export const hasNginx = () => existsSync(NGINX);

/** Bare Node http in `workers` cluster processes: the same GIF and headers, no token, no event. */
const BARE_NODE = `
import cluster from 'node:cluster';
import { createServer } from 'node:http';
const workers = Number(process.env.WORKERS);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.process.kill('SIGTERM'); process.exit(0); });
} else {
  const gif = Buffer.from(process.env.GIF, 'base64');
  const headers = [...Object.entries(JSON.parse(process.env.HEADERS)).flat(), 'content-length', String(gif.length)];
  createServer((request, response) => { response.writeHead(200, headers); response.end(gif); })
    .listen(Number(process.env.PORT), '127.0.0.1');
}
`;

export async function startBareNode(dir: string, workers: number): Promise<Running> {
  const port = await freePort();
  // A file, not -e: cluster workers start from the primary's script.
  const script = join(dir, 'bare-node.mjs');
  writeFileSync(script, BARE_NODE);
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      PORT: String(port),
      WORKERS: String(workers),
      GIF: PIXEL_GIF.toString('base64'),
      HEADERS: JSON.stringify(PIXEL_HEADERS),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return { url, child };
}

/**
 * The tracker as `npm run tracker` starts it, with TRACKER_WORKERS processes. With
 * TRACKER_BENCH_CPU_PROF=<directory> every process (the workers inherit the flag) writes a V8 CPU
 * profile there when it exits (open it in Chrome's DevTools or `npx speedscope`).
 */
export async function startTracker(dbPath: string, workers: number): Promise<Running> {
  const port = await freePort();
  const profileDir = process.env.TRACKER_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'tracker/cli.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TRACKER_DB: dbPath,
      TRACKER_PORT: String(port),
      TRACKER_WORKERS: String(workers),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return { url, child };
}
