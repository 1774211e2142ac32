/**
 * The process the send-start bench measures, bundled as the app ships: it opens the seeded data
 * folder, opens the checklist (the app's only way to "Versturen", and the first compile), starts
 * the send and waits for its last mail. Reports the app's memory at each step, the peak over the
 * process's whole life, how long send.start took and the longest the event loop was blocked
 * during it (monitorEventLoopDelay).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ALL_TICKED } from '../../integration/sending/seedParts';
import { memoryBreakdown, sampleMemoryPeak, type MemoryBreakdown } from './memorySampler';
import { peakRssMb } from '../peakRss';
import { startPhaseProfile } from './phaseProfile';
import { openBenchApp, startBenchConfig } from './startShared';

export interface StartFigures {
  type: 'measured';
  /** Right after the app opened the data folder: its own footprint before any work. */
  rssAtStartMb: number;
  /** After checklist.get (the checklist's cache and the compiler loaded). */
  rssAfterChecklistMb: number;
  rssAfterSendStartMb: number;
  /** The kernel's peak RSS at the end of the send (peakRss.ts): the process's whole life. */
  peakRssMb: number;
  sendStartMs: number;
  /** Without the memory sampler's own CPU (sendStartSamplingCpuMs), which ran in the window. */
  sendStartCpuMs: number;
  sendStartSamplingCpuMs: number;
  /** The longest single delay of the event loop while send.start ran. */
  sendStartMaxBlockMs: number;
  sendStartP99BlockMs: number;
  /** The same while the queue sent (after send.start returned). */
  sendingMaxBlockMs: number;
  sent: number;
  recipients: number;
  /** Where the memory sat: after opening, at the highest RSS of each step. */
  memory: {
    atStart: MemoryBreakdown;
    checklistPeak: MemoryBreakdown;
    sendStartPeak: MemoryBreakdown;
    sendingPeak: MemoryBreakdown;
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** Tells the bench (which samples this process's memory from outside) which step begins. */
const phase = (name: string) => process.send!({ type: 'phase', phase: name });
const config = startBenchConfig();
const mailingId = process.env.BENCH_START_MAILING ?? '';
const t = await openBenchApp(config);
const rssAtStart = process.memoryUsage.rss();
const memoryAtStart = memoryBreakdown();
const checklistPeak = sampleMemoryPeak();
phase('checklist');
await t.call('checklist.get', { mailingId });
const rssAfterChecklist = process.memoryUsage.rss();
const memoryAtChecklist = checklistPeak().peak;

const finished = new Promise<void>((resolve) => {
  const unsubscribe = t.app.context.events.subscribe((name, payload) => {
    if (name === 'send.progress' && (payload as { state: string }).state === 'finished') {
      unsubscribe();
      resolve();
    }
  });
});
// 1 ms resolution: the histogram's max is the longest single block, whatever ran in it.
const startDelay = monitorEventLoopDelay({ resolution: 1 });
// BENCH_CPU_PROF=<folder>: send.start alone as <folder>/send-start-<pid>.cpuprofile.
const stopProfile = await startPhaseProfile('start');
startDelay.enable();
phase('sendStart');
const cpu = process.cpuUsage();
const sendStartPeak = sampleMemoryPeak();
const begun = performance.now();
const started = await t.call('send.start', {
  mailingId,
  confirmed: ALL_TICKED,
  idempotencyKey: 'bench-send-start',
});
const sendStartMs = performance.now() - begun;
// The sampler runs inside send.start's CPU window: its own samples are left out of the figure.
const { peak: memoryAtSendStart, samplingCpuMs } = sendStartPeak();
const used = process.cpuUsage(cpu);
startDelay.disable();
await stopProfile();
const rssAfterSendStart = process.memoryUsage.rss();
phase('sending');
const sendingDelay = monitorEventLoopDelay({ resolution: 1 });
sendingDelay.enable();
const sendingPeak = sampleMemoryPeak();
await finished;
sendingDelay.disable();
const memoryWhileSending = sendingPeak().peak;
const status = await t.call('send.status', { sendId: started.sendId });
const figures: StartFigures = {
  type: 'measured',
  rssAtStartMb: mb(rssAtStart),
  rssAfterChecklistMb: mb(rssAfterChecklist),
  rssAfterSendStartMb: mb(rssAfterSendStart),
  peakRssMb: peakRssMb(),
  sendStartMs: Math.round(sendStartMs),
  sendStartCpuMs: Math.round((used.user + used.system) / 1000 - samplingCpuMs),
  sendStartSamplingCpuMs: Math.round(samplingCpuMs * 10) / 10,
  sendStartMaxBlockMs: Math.round(startDelay.max / 1e6),
  sendStartP99BlockMs: Math.round(startDelay.percentile(99) / 1e6),
  sendingMaxBlockMs: Math.round(sendingDelay.max / 1e6),
  sent: status?.sent ?? 0,
  recipients: started.recipients,
  memory: {
    atStart: memoryAtStart,
    checklistPeak: memoryAtChecklist,
    sendStartPeak: memoryAtSendStart,
    sendingPeak: memoryWhileSending,
  },
};
await t.close();
process.send!(figures, () => process.exit(0));
