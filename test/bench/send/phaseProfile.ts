import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * BENCH_CPU_PROF=<folder>: a CPU profile of one phase alone (the queue: send.start to the last
 * result; the baseline: the bare nodemailer pool; ownPool: SmtpPool alone, each round), written
 * as <folder>/send-<phase>-<pid>.cpuprofile for Chrome DevTools or any .cpuprofile reader. BENCH_CPU_PROF_US sets the sampling interval
 * (default 1000 µs; 50 shows the short tasks between socket events).
 * BENCH_HEAP_PROF=<folder>: where the phase allocates, garbage included (V8's sampling heap
 * profiler keeping what the scavenges and major GCs collected), as
 * <folder>/send-<phase>-<pid>.heapprofile; `summarizeHeapProfile.ts` prints it per function.
 */
export async function startPhaseProfile(phase: string): Promise<() => Promise<void>> {
  const stops = await Promise.all([startCpuProfile(phase), startHeapProfile(phase)]);
  return async () => {
    for (const stop of stops) await stop();
  };
}

async function startCpuProfile(phase: string): Promise<() => Promise<void>> {
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

async function startHeapProfile(phase: string): Promise<() => Promise<void>> {
  const folder = process.env.BENCH_HEAP_PROF;
  if (!folder) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 32 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(
      join(folder, `send-${phase}-${process.pid}.heapprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  };
}
