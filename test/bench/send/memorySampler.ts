import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

/** Where a process's resident memory sits at one moment, in MB. */
export interface MemoryBreakdown {
  rssMb: number;
  /** V8's heap in use and reserved. */
  heapUsedMb: number;
  heapTotalMb: number;
  /** V8's young generation reserved (new space; grows with the garbage, only a launch flag caps it). */
  newSpaceMb: number;
  /** Memory of C++ objects bound to JS (Buffers, SQLite's is not counted here). */
  externalMb: number;
  arrayBuffersMb: number;
  /** /proc/self/status: anonymous pages (heaps, SQLite's page cache) and mapped files. */
  rssAnonMb: number;
  rssFileMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function procStatusKb(field: string): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

export function memoryBreakdown(): MemoryBreakdown {
  const usage = process.memoryUsage();
  return {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    newSpaceMb: mb(
      getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
    ),
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
    rssAnonMb: Math.round(procStatusKb('RssAnon') / 1024),
    rssFileMb: Math.round(procStatusKb('RssFile') / 1024),
  };
}

/** The highest-RSS breakdown of a sampled span, and the CPU the sampling itself took. */
export interface SampledPeak {
  peak: MemoryBreakdown;
  /** Spent in the samples (process CPU): what a step's CPU figure must leave out. */
  samplingCpuMs: number;
}

/**
 * Samples the breakdown every `everyMs` and keeps the one with the highest RSS, so a bench can say
 * what held the memory at its peak (V8's heap, buffers, or native memory such as SQLite's caches).
 * Each sample's own CPU is counted, so a step measured while sampling can subtract it.
 */
export function sampleMemoryPeak(everyMs = 50): () => SampledPeak {
  let samplingMicros = 0;
  const sample = (): MemoryBreakdown => {
    const before = process.cpuUsage();
    const now = memoryBreakdown();
    const used = process.cpuUsage(before);
    samplingMicros += used.user + used.system;
    return now;
  };
  let peak = sample();
  const timer = setInterval(() => {
    const now = sample();
    if (now.rssMb > peak.rssMb) peak = now;
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    const now = sample();
    return {
      peak: now.rssMb > peak.rssMb ? now : peak,
      samplingCpuMs: samplingMicros / 1000,
    };
  };
}

/** Resident memory of another process at its highest, in MB (from /proc/<pid>/status). */
export interface ProcessPeak {
  rssMb: number;
  rssAnonMb: number;
  rssFileMb: number;
}

function processMemory(pid: number): ProcessPeak | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS');
    if (Number.isNaN(rss)) return undefined;
    const mbOf = (value: number) => Math.round(value / 1024);
    return { rssMb: mbOf(rss), rssAnonMb: mbOf(kb('RssAnon')), rssFileMb: mbOf(kb('RssFile')) };
  } catch {
    return undefined;
  }
}

/**
 * Samples a child process's resident memory from this process every `everyMs`, per phase the
 * child names: unlike sampleMemoryPeak it sees inside the child's synchronous stretches (which
 * block the child's own timers) and costs the child no CPU. Empty where /proc is missing.
 */
export function sampleChildPeaks(pid: number, everyMs = 5) {
  const peaks: Record<string, ProcessPeak> = {};
  let phase = 'open';
  const timer = setInterval(() => {
    const now = processMemory(pid);
    const peak = peaks[phase];
    if (now && (!peak || now.rssMb > peak.rssMb)) peaks[phase] = now;
  }, everyMs);
  return {
    phase: (name: string) => (phase = name),
    stop: (): Record<string, ProcessPeak> => {
      clearInterval(timer);
      return peaks;
    },
  };
}
