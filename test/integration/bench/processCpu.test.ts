import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processTreeCpuMs } from '../../bench/tracker/processCpu';

const BUSY = 'for (;;);';

/** utime + stime of one process, in ms (USER_HZ 100). */
function cpuMsOf(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The tracker bench's CPU split: "niced" is what ran at a lower priority than the bench itself
 * (the ingester), also when the bench itself runs under `nice`.
 */
describe.skipIf(!existsSync('/proc/self/stat'))('processTreeCpuMs', () => {
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) process.kill(-pid, 'SIGKILL');
  });

  it('counts as niced only what runs below the given base niceness', async () => {
    const base = Math.min(getPriority() + 4, 14);
    // A tree run under `nice` as a bench would be: one process at its niceness, one 5 below it.
    const tree = spawn(
      'nice',
      [
        '-n',
        String(base - getPriority()),
        'sh',
        '-c',
        `node -e '${BUSY}' & echo $!; nice -n 5 node -e '${BUSY}' & echo $!; wait`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
    );
    started.push(tree.pid!);
    let output = '';
    tree.stdout.on('data', (chunk) => (output += chunk));
    await vi.waitFor(() => expect(output.trim().split('\n')).toHaveLength(2));
    const [atBase, below] = output.trim().split('\n').map(Number) as [number, number];
    // Both have run a while; stopped, their CPU time holds still while it is read.
    await vi.waitFor(() => expect(Math.min(cpuMsOf(atBase), cpuMsOf(below))).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 50,
    });
    process.kill(-tree.pid!, 'SIGSTOP');
    for (const pid of [atBase, below])
      await vi.waitFor(() => expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) T /));

    const cpu = processTreeCpuMs(tree.pid!, base)!;
    expect(cpu.niced).toBe(cpuMsOf(below));
    expect(cpu.total).toBeGreaterThanOrEqual(cpuMsOf(atBase) + cpuMsOf(below));
    process.kill(-tree.pid!, 'SIGCONT');
    process.kill(-tree.pid!, 'SIGKILL');
    await once(tree, 'exit');
    started.length = 0;
  });
});
