import { DEFAULT_WINDOW } from '../../electron/services/sending/sendManager';
import type {
  AppProcessConfig,
  BaselineFigures,
  OwnPoolFigures,
  QueueFigures,
} from './send/appProcess';
import type { PeersCount, PeersReady } from './send/peers';
import { uncertainAfterKill } from './send/killCount';
import { exited, nextMessage, startProcess, type Runner } from './send/processes';
import { GOALS, judge } from './report';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONNECTIONS = 3;
/** Mails through a bare pool before measuring: the sink and the shared SMTP client code warm up. */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 1_000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? DEFAULT_WINDOW);
/** esbuild: the app bundled as it ships (the headline figures); tsx: as in development; or both. */
const RUNNERS = (process.env.BENCH_SEND_RUNNERS ?? 'esbuild,tsx').split(',') as Runner[];
/** BENCH_SEND_KILL=0 leaves out the slow-server kill (while working on the throughput alone). */
const WITH_KILL = process.env.BENCH_SEND_KILL !== '0';

/**
 * 10,000 recipients to a loopback SMTP sink: through the whole queue (send.start with its checklist
 * and enqueue, claim transactions, rendering per recipient, result bookkeeping, credit commits at
 * the real tracker) versus a bare nodemailer pool sending the same pre-built messages, with the
 * same connections and messages in flight, in the same process right after. The queue sends over
 * its own pool of nodemailer SMTP connections (SmtpPool); that pool without the queue is measured
 * too, so the queue's own cost stays visible. The sink and tracker run in a separate process, so
 * the app process's peak memory is the app's own. The user's rate limit is lifted for all: it is a
 * deliberate throttle, not the queue's cost.
 */
export default async function sendBench(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const runner of RUNNERS) results[runner] = await runOnce(runner);
  return {
    ...(WITH_KILL ? { slowServerKill: await uncertainAfterKill() } : {}),
    recipients: RECIPIENTS,
    warmUp: WARM_UP,
    connections: CONNECTIONS,
    window: WINDOW,
    ...results,
  };
}

async function runOnce(runner: Runner): Promise<Record<string, number | string>> {
  const peers = await startProcess('peers.ts', 'tsx');
  try {
    const ready = await nextMessage<PeersReady>(peers, 'ready');
    const sinkCount = async () => {
      const answer = nextMessage<PeersCount>(peers, 'count');
      peers.send({ type: 'count' });
      return answer;
    };
    const config: AppProcessConfig = {
      smtpPort: ready.smtpPort,
      trackerUrl: ready.trackerUrl,
      recipients: RECIPIENTS,
      warmUp: WARM_UP,
      connections: CONNECTIONS,
      window: WINDOW,
    };
    const app = await startProcess('appProcess.ts', runner, {
      BENCH_SEND_CONFIG: JSON.stringify(config),
    });
    try {
      await nextMessage(app, 'warmed');
      // Own pool, queue, own pool again: the baseline interleaved with the queue in one run.
      const beforeOwnPool = await sinkCount();
      const ownPoolBeforeDone = nextMessage<OwnPoolFigures>(app, 'ownPoolBefore');
      app.send({ type: 'ownPoolBefore' });
      const ownPoolBefore = (await ownPoolBeforeDone).ownPool;
      const beforeQueue = await sinkCount();
      if (beforeQueue.count - beforeOwnPool.count !== RECIPIENTS) {
        throw new Error(`the own pool delivered ${beforeQueue.count - beforeOwnPool.count}`);
      }
      app.send({ type: 'measure' });
      const queue = await nextMessage<QueueFigures>(app, 'queue');
      const afterQueue = await sinkCount();
      const queueArrived = afterQueue.count - beforeQueue.count;
      if (queue.sent !== RECIPIENTS || queueArrived !== RECIPIENTS) {
        throw new Error(
          `the queue sent ${queue.sent}, the sink got ${queueArrived} of ${RECIPIENTS}`,
        );
      }
      const baselineDone = nextMessage<BaselineFigures>(app, 'baseline');
      app.send({ type: 'baseline' });
      const baseline = await baselineDone;
      const afterBaseline = await sinkCount();
      await exited(app);
      const baselineArrived = afterBaseline.count - afterQueue.count;
      if (baselineArrived !== 2 * RECIPIENTS) {
        throw new Error(`the two pools delivered ${baselineArrived} of ${2 * RECIPIENTS}`);
      }

      const perSecond = (ms: number) => (RECIPIENTS / ms) * 1000;
      const queuePerSecond = perSecond(queue.queueMs);
      const baselinePerSecond = perSecond(baseline.nodemailerPool.ms);
      // Both rounds of the own pool, before and after the queue, as one figure.
      const ownPoolPerSecond = perSecond((ownPoolBefore.ms + baseline.ownPool.ms) / 2);
      const perMessage = (ms: number) => Number((ms / RECIPIENTS).toFixed(3));
      /** One sink counter per message in each phase: own pool (round 1), queue, both pools. */
      const sinkPerMessage = (key: 'bytes' | 'reads' | 'wakeUps', digits: number) => {
        const name = `sink${key[0]!.toUpperCase()}${key.slice(1)}PerMessage`;
        const per = (to: PeersCount, from: PeersCount, messages: number) =>
          Number(((to[key] - from[key]) / messages).toFixed(digits));
        return {
          [`${name}OwnPoolBefore`]: per(beforeQueue, beforeOwnPool, RECIPIENTS),
          [`${name}Queue`]: per(afterQueue, beforeQueue, RECIPIENTS),
          [`${name}BothPools`]: per(afterBaseline, afterQueue, 2 * RECIPIENTS),
        };
      };
      const queueCpuPerMessage = queue.queueCpuMs / RECIPIENTS;
      const baselineCpuPerMessage = baseline.nodemailerPool.cpuMs / RECIPIENTS;
      const build = runner === 'esbuild' ? 'bundle as shipped' : 'tsx';
      judge(
        `send queue vs its own pool (${build})`,
        queuePerSecond / ownPoolPerSecond,
        GOALS.sendVsOwnPool,
        `${Math.round(queuePerSecond)} vs ${Math.round(ownPoolPerSecond)} msgs/s`,
      );
      judge(
        `send queue vs the bare nodemailer pool (${build})`,
        queuePerSecond / baselinePerSecond,
        GOALS.sendVsNodemailerPool,
        `${Math.round(queuePerSecond)} vs ${Math.round(baselinePerSecond)} msgs/s`,
      );
      judge(
        `send peak RSS, ${RECIPIENTS} recipients (${build})`,
        queue.maxRssMb,
        GOALS.sendPeakRssMb,
        'the goal is for 100,000: BENCH_RECIPIENTS=100000',
      );
      return {
        queueMsgsPerSecond: Math.round(queuePerSecond),
        baselineMsgsPerSecond: Math.round(baselinePerSecond),
        ratio: Number((queuePerSecond / baselinePerSecond).toFixed(2)),
        // The queue's own pool without the queue: what the database, rendering and bookkeeping
        // cost on top of the connections themselves.
        ownPoolMsgsPerSecond: Math.round(ownPoolPerSecond),
        ownPoolMsgsPerSecondBeforeQueue: Math.round(perSecond(ownPoolBefore.ms)),
        ownPoolMsgsPerSecondAfterQueue: Math.round(perSecond(baseline.ownPool.ms)),
        ratioToOwnPool: Number((queuePerSecond / ownPoolPerSecond).toFixed(2)),
        goalRatioToOwnPool: GOALS.sendVsOwnPool.atLeast,
        queueMsgsPerSecondAfterStart: Math.round(perSecond(queue.pumpMs)),
        startMs: Math.round(queue.queueMs - queue.pumpMs),
        // CPU of the app process per message: steadier than wall time on a busy machine.
        queueCpuMsPerMessage: Number(queueCpuPerMessage.toFixed(3)),
        // The same without send.start: claims, rendering, wire marks, outcomes, connections.
        queueCpuMsPerMessageAfterStart: perMessage(queue.pumpCpuMs),
        queueMainThreadCpuMsPerMessageAfterStart: perMessage(queue.pumpMainThreadCpuMs),
        // Of that, building the messages (render and MIME, the render module's work).
        buildCpuMsPerMessage: perMessage(baseline.buildCpuMs),
        baselineCpuMsPerMessage: Number(baselineCpuPerMessage.toFixed(3)),
        ownPoolCpuMsPerMessage: perMessage(baseline.ownPool.cpuMs),
        cpuRatio: Number((baselineCpuPerMessage / queueCpuPerMessage).toFixed(2)),
        // The sink's side (with the tracker's credit calls in the queue phase), for judging which
        // process limits the rate: on two idle cores each process has one.
        sinkCpuMsPerMessageQueue: perMessage(afterQueue.cpuMs - beforeQueue.cpuMs),
        // What the sink got and did per message in each phase: the same mail and commands give
        // the same bytes, socket reads and wake-ups; the tracker's credit calls are counted apart.
        ...sinkPerMessage('bytes', 0),
        ...sinkPerMessage('reads', 2),
        ...sinkPerMessage('wakeUps', 2),
        sinkCpuMsPerMessageOwnPoolBefore: perMessage(beforeQueue.cpuMs - beforeOwnPool.cpuMs),
        sinkConnectionsQueue: afterQueue.connections - beforeQueue.connections,
        sinkConnectionsBothPools: afterBaseline.connections - afterQueue.connections,
        trackerRequestsQueue: afterQueue.trackerRequests - beforeQueue.trackerRequests,
        sinkCpuMsPerMessageBothPools: Number(
          ((afterBaseline.cpuMs - afterQueue.cpuMs) / (2 * RECIPIENTS)).toFixed(3),
        ),
        renderPerSecond: Math.round((RECIPIENTS / baseline.buildMs) * 1000),
        // The app process only: its maxRSS up to the end of the send (seeding included), and
        // the highest RSS sampled while the send ran.
        peakRssMb: queue.maxRssMb,
        goalPeakRssMb: GOALS.sendPeakRssMb.atMost,
        queueSampledPeakRssMb: queue.sampledPeakRssMb,
        rssAtQueueStartMb: queue.rssAtQueueStartMb,
        rssAfterStartMb: queue.rssAfterStartMb,
        rssAfterSendStartMb: queue.rssAfterSendStartMb,
        targetMsgsPerSecond: 300,
      };
    } finally {
      if (app.exitCode === null) app.kill();
      await exited(app);
    }
  } finally {
    peers.send({ type: 'close' });
    await exited(peers);
  }
}
