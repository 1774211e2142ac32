/**
 * The send benchmark's other side, in its own process so the app process measured holds only the
 * app: a loopback SMTP sink that counts and keeps no bytes, and the real tracker (credits are
 * reserved and committed over HTTP during the send). Reports its ports over IPC and answers
 * `count` with the number of messages the sink accepted.
 */
import { startSmtpSink } from '../../integration/sending/smtpSink';
import { startTracker } from '../../integration/sync/trackerFixture';
import { startPhaseProfile } from './phaseProfile';

export interface PeersReady {
  type: 'ready';
  smtpPort: number;
  trackerUrl: string;
}
export interface PeersCount {
  type: 'count';
  count: number;
  /** Message bytes and TCP connections the sink accepted so far. */
  bytes: number;
  connections: number;
  /** Socket reads the sink made so far (fewer, fuller reads when the clients outpace it). */
  reads: number;
  /** Times this process slept and was woken (each costs the kernel's switch and a cold cache). */
  wakeUps: number;
  /** Requests the tracker answered so far (the credit calls). */
  trackerRequests: number;
  /** CPU this process (sink and tracker) has used so far, in ms. */
  cpuMs: number;
}

const sink = await startSmtpSink({ keep: false });
const tracker = await startTracker({ credits: 100_000 });
let trackerRequests = 0;
tracker.server.server.on('request', () => (trackerRequests += 1));
// BENCH_CPU_PROF: this process is profiled too, one profile from each count to the next. The
// bench counts before and after each phase, so the odd ones are the phases in order (nodemailer
// pool, queue, own pool, round after round) and the even ones the short gaps between them.
let stopProfile: (() => Promise<void>) | undefined;
let counts = 0;

process.on('message', (message: { type: string }) => {
  if (message.type === 'count') {
    const cpu = process.cpuUsage();
    const answer: PeersCount = {
      type: 'count',
      count: sink.count,
      bytes: sink.bytes,
      connections: sink.connections,
      reads: sink.reads,
      wakeUps: process.resourceUsage().voluntaryContextSwitches,
      trackerRequests,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    process.send!(answer);
    const previous = stopProfile;
    counts += 1;
    void (async () => {
      await previous?.();
      stopProfile = await startPhaseProfile(`peers-${counts}`);
    })();
  }
  if (message.type === 'close') {
    // The sink's close waits for idle pooled connections; the process ends anyway.
    void tracker.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', smtpPort: sink.port, trackerUrl: tracker.url } as PeersReady);
