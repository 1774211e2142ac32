import type { PeersReady } from './send/peers';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../electron/paths';
import { mjmlWorkerBundling } from '../../scripts/mjmlWorkerBundle.mjs';
import { bundleForNode } from './bundleForNode';
import { sampleChildPeaks } from './send/memorySampler';
import { exited, nextMessage, startProcess } from './send/processes';
import type { StartBenchConfig } from './send/startShared';
import type { StartFigures } from './send/startMeasured';
import { tempDir } from '../helpers/tempDir';
import { GOALS, judge } from './report';

const RECIPIENTS = Number(process.env.BENCH_START_RECIPIENTS ?? 100_000);

/**
 * A send's memory and its start, at 100,000 recipients (BENCH_START_RECIPIENTS), in the app as it
 * ships (the esbuild bundle): peak RSS of the app process over its whole life (open, checklist,
 * send.start, every mail to a loopback SMTP sink with credits committed at the real tracker),
 * send.start's duration, and the longest the event loop was blocked during send.start
 * (monitorEventLoopDelay). The seeding runs in a process of its own and the sink and tracker in a
 * third, so the measured process holds only the app. The throughput part is send.bench.ts.
 */
export default async function sendStartBench(): Promise<Record<string, unknown>> {
  const dir = tempDir('winkelpost-bench-start-');
  const peers = await startProcess('peers.ts', 'tsx');
  try {
    const ready = await nextMessage<PeersReady>(peers, 'ready');
    const config: StartBenchConfig = {
      dataDir: dir.path,
      smtpPort: ready.smtpPort,
      trackerUrl: ready.trackerUrl,
      recipients: RECIPIENTS,
    };
    const env = { BENCH_START_CONFIG: JSON.stringify(config) };
    const seed = await startProcess('startSeed.ts', 'tsx', env);
    const { mailingId } = await nextMessage<{ type: 'seeded'; mailingId: string }>(seed, 'seeded');
    await exited(seed);
    // As the shipped app: MJML's compile thread is a bundle of its own beside the main one.
    await bundleForNode(
      join(PROJECT_ROOT, 'electron/services/render/mjmlWorker.ts'),
      join(PROJECT_ROOT, 'out/bench/mjmlWorker.mjs'),
      mjmlWorkerBundling(),
    );
    const measured = await startProcess('startMeasured.ts', 'esbuild', {
      ...env,
      BENCH_START_MAILING: mailingId,
    });
    const childPeaks = sampleChildPeaks(measured.pid!);
    measured.on('message', (message: { type: string; phase?: string }) => {
      if (message.type === 'phase') childPeaks.phase(message.phase!);
    });
    const figures = await nextMessage<StartFigures>(measured, 'measured');
    await exited(measured);
    const peaksByPhase = childPeaks.stop();
    if (figures.sent !== RECIPIENTS || figures.recipients !== RECIPIENTS) {
      throw new Error(`the send reached ${figures.sent} of ${RECIPIENTS} recipients`);
    }
    const at = `${RECIPIENTS.toLocaleString('en')} recipients, bundle as shipped`;
    judge(
      `send peak RSS, ${at}`,
      figures.peakRssMb,
      GOALS.sendPeakRssMb,
      `${figures.rssAtStartMb} MB before any work`,
    );
    judge(
      `send.start duration, ${at}`,
      figures.sendStartMs,
      GOALS.sendStartMs,
      `${figures.sendStartCpuMs} ms CPU`,
    );
    judge(
      `send.start longest event-loop block, ${at}`,
      figures.sendStartMaxBlockMs,
      GOALS.sendStartBlockMs,
      'monitorEventLoopDelay max',
    );
    const { type: _type, ...rest } = figures;
    return {
      ...rest,
      // Sampled from outside every 5 ms: where in the child's life the peak RSS sits.
      peaksByPhase,
      goals: {
        peakRssMb: GOALS.sendPeakRssMb.atMost,
        sendStartMs: GOALS.sendStartMs.atMost,
        blockMs: GOALS.sendStartBlockMs.atMost,
      },
    };
  } finally {
    peers.send({ type: 'close' });
    await exited(peers);
    dir.remove();
  }
}
