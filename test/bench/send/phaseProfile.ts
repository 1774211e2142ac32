import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * BENCH_CPU_PROF=<folder>: a CPU profile of one phase alone (the queue: send.start to the last
 * result; the baseline: the bare nodemailer pool; ownPool: SmtpPool alone, each round), written
 * as <folder>/send-<phase>-<pid>.cpuprofile for Chrome DevTools or any .cpuprofile reader. BENCH_CPU_PROF_US sets the sampling interval
 * (default 1000 µs; 50 shows the short tasks between socket events).
 */
export async function startPhaseProfile(phase: string): Promise<() => Promise<void>> {
  const folder = process.env.BENCH_CPU_PROF;
  if (!folder) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', {
    interval: Number(process.env.BENCH_CPU_PROF_US ?? 1000),
  });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(folder, `send-${phase}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}
