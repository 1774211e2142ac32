import { DEFAULT_WINDOW } from '../../electron/services/sending/sendManager';
import type {
  AppProcessConfig,
  BuildFigures,
  Phase,
  PoolRoundFigures,
  QueueFigures,
  RoundRequest,
} from './send/appProcess';
import type { PeersCount, PeersReady } from './send/peers';
import { uncertainAfterKill } from './send/killCount';
import { busyShare, machineCpu } from './send/machineCpu';
import { exited, nextMessage, startProcess, type Runner } from './send/processes';
import { GOALS, judge } from './report';
import { median } from './median';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONNECTIONS = 3;
/** Mails through a bare pool before measuring: the sink and the shared SMTP client code warm up. */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 1_000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? DEFAULT_WINDOW);
/** Rounds of nodemailer pool, queue and own pool, one after the other; the verdict is the median. */
const ROUNDS = Number(process.env.BENCH_SEND_ROUNDS ?? 3);
const PHASES: readonly Phase[] = ['nodemailerPool', 'queue', 'ownPool'];
/** esbuild: the app bundled as it ships (the headline figures); tsx: as in development; or both. */
const RUNNERS = (process.env.BENCH_SEND_RUNNERS ?? 'esbuild,tsx').split(',') as Runner[];
/** BENCH_SEND_KILL=0 leaves out the slow-server kill (while working on the throughput alone). */
const WITH_KILL = process.env.BENCH_SEND_KILL !== '0';

/**
 * 10,000 recipients to a loopback SMTP sink: through the whole queue (send.start with its checklist
 * and enqueue, claims, rendering per recipient, wire marks and outcomes, credit commits at the
 * real tracker) against a bare nodemailer pool sending messages built beforehand, with the same
 * connections and messages in flight, in the same process. The queue sends over its own pool of
 * nodemailer SMTP connections (SmtpPool); that pool without the queue is measured too, so the
 * queue's own cost stays visible. The three alternate, ROUNDS times (each queue round a fresh
 * send to the same recipients), so a swing of the machine's load falls on all of them; each
 * round's ratios compare neighbours, and the verdicts take the median round. The sink and tracker
 * run in a separate process, so the app process's figures are the app's own. The user's rate
 * limit is lifted for all: it is a deliberate throttle, not the queue's cost.
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
    rounds: ROUNDS,
    ...results,
  };
}

/** What one phase of one round cost: its wall time, and the CPU of each side and the machine. */
interface PhaseMeasure {
  ms: number;
  appCpuMs: number;
  /** The sink's counters over the phase (its CPU includes the tracker's credit calls). */
  sink: PeersCount;
  /** Share of both cores busy (every process, the kernel included) and their busy time. */
  machineBusyShare: number;
  machineBusyMs: number;
  queue?: QueueFigures;
}

type SinkCounter = Exclude<keyof PeersCount, 'type'>;

async function runOnce(runner: Runner): Promise<Record<string, unknown>> {
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
      const runPhase = async (phase: Phase, round: number): Promise<PhaseMeasure> => {
        const sinkBefore = await sinkCount();
        const machineBefore = machineCpu();
        const done =
          phase === 'queue'
            ? nextMessage<QueueFigures>(app, 'queue')
            : nextMessage<PoolRoundFigures>(app, 'pool');
        app.send({ type: 'round', phase, round } satisfies RoundRequest);
        const figures = await done;
        const machineAfter = machineCpu();
        const sinkAfter = await sinkCount();
        const sink = { ...sinkAfter };
        for (const key of Object.keys(sink) as SinkCounter[]) sink[key] -= sinkBefore[key];
        const sent = figures.type === 'queue' ? figures.sent : RECIPIENTS;
        if (sent !== RECIPIENTS || sink.count !== RECIPIENTS) {
          throw new Error(
            `${phase} round ${round}: sent ${sent}, the sink got ${sink.count} of ${RECIPIENTS}`,
          );
        }
        return {
          ms: figures.type === 'queue' ? figures.queueMs : figures.ms,
          appCpuMs: figures.type === 'queue' ? figures.queueCpuMs : figures.cpuMs,
          sink,
          machineBusyShare: busyShare(machineBefore, machineAfter),
          machineBusyMs: machineAfter.busyMs - machineBefore.busyMs,
          ...(figures.type === 'queue' ? { queue: figures } : {}),
        };
      };
      const rounds: Record<Phase, PhaseMeasure>[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        const measures = {} as Record<Phase, PhaseMeasure>;
        for (const phase of PHASES) measures[phase] = await runPhase(phase, round);
        rounds.push(measures);
      }
      const buildDone = nextMessage<BuildFigures>(app, 'build');
      app.send({ type: 'build' });
      const build = await buildDone;
      await exited(app);
      return summary(runner, rounds, build);
    } finally {
      if (app.exitCode === null) app.kill();
      await exited(app);
    }
  } finally {
    peers.send({ type: 'close' });
    await exited(peers);
  }
}

const perSecond = (ms: number) => (RECIPIENTS / ms) * 1000;
const perMessage = (ms: number, digits = 3) => Number((ms / RECIPIENTS).toFixed(digits));
const rounded = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Each round's own figures: speeds, ratios against its neighbours, CPU of each side. */
function roundFigures(round: Record<Phase, PhaseMeasure>, index: number): Record<string, number> {
  const queue = round.queue.queue!;
  const speed = (phase: Phase) => perSecond(round[phase].ms);
  const figures: Record<string, number> = {
    round: index + 1,
    nodemailerPoolMsgsPerSecond: Math.round(speed('nodemailerPool')),
    queueMsgsPerSecond: Math.round(speed('queue')),
    ownPoolMsgsPerSecond: Math.round(speed('ownPool')),
    ratio: rounded(speed('queue') / speed('nodemailerPool')),
    ratioToOwnPool: rounded(speed('queue') / speed('ownPool')),
    queueMsgsPerSecondAfterStart: Math.round(perSecond(queue.pumpMs)),
    startMs: Math.round(queue.queueMs - queue.pumpMs),
  };
  // Which bound holds: both cores saturated (CPU per message sets the speed) or not (latency).
  for (const phase of PHASES) {
    const measure = round[phase];
    figures[`${phase}MachineBusyPercent`] = Math.round(measure.machineBusyShare * 100);
    figures[`${phase}MachineCpuMsPerMessage`] = perMessage(measure.machineBusyMs);
    figures[`${phase}AppCpuMsPerMessage`] = perMessage(measure.appCpuMs);
    figures[`${phase}SinkCpuMsPerMessage`] = perMessage(measure.sink.cpuMs);
  }
  return figures;
}

function summary(
  runner: Runner,
  rounds: Record<Phase, PhaseMeasure>[],
  build: BuildFigures,
): Record<string, unknown> {
  const each = rounds.map(roundFigures);
  const medianOf = (name: string) => median(each.map((figures) => figures[name]!));
  const queues = rounds.map((round) => round.queue.queue!);
  const medianPerMessage = (of: (queue: QueueFigures) => number) =>
    perMessage(median(queues.map(of)));
  /** One sink counter per message in each phase, over all rounds. */
  const sinkPerMessage = (key: 'bytes' | 'reads' | 'wakeUps', digits: number) => {
    const name = `sink${key[0]!.toUpperCase()}${key.slice(1)}PerMessage`;
    const figures: Record<string, number> = {};
    for (const phase of PHASES) {
      const total = rounds.reduce((sum, round) => sum + round[phase].sink[key], 0);
      figures[`${name}${phase[0]!.toUpperCase()}${phase.slice(1)}`] = Number(
        (total / (RECIPIENTS * rounds.length)).toFixed(digits),
      );
    }
    return figures;
  };
  const runnerName = runner === 'esbuild' ? 'bundle as shipped' : 'tsx';
  const ratio = medianOf('ratio');
  const ratioToOwnPool = medianOf('ratioToOwnPool');
  const perRound = (name: string) => each.map((figures) => figures[name]).join(', ');
  judge(
    `send queue vs its own pool (${runnerName}, median of ${rounds.length} rounds)`,
    ratioToOwnPool,
    GOALS.sendVsOwnPool,
    `rounds ${perRound('ratioToOwnPool')}; ${perRound('queueMsgsPerSecond')} vs ${perRound('ownPoolMsgsPerSecond')} msgs/s`,
  );
  judge(
    `send queue vs the bare nodemailer pool (${runnerName}, median of ${rounds.length} rounds)`,
    ratio,
    GOALS.sendVsNodemailerPool,
    `rounds ${perRound('ratio')}; ${perRound('queueMsgsPerSecond')} vs ${perRound('nodemailerPoolMsgsPerSecond')} msgs/s`,
  );
  // The first queue round's: what a send costs in an app that has sent nothing yet.
  const first = queues[0]!;
  judge(
    `send peak RSS, ${RECIPIENTS} recipients (${runnerName})`,
    first.maxRssMb,
    GOALS.sendPeakRssMb,
    'the goal is for 100,000: BENCH_RECIPIENTS=100000',
  );
  return {
    // Medians over the rounds; each round's own figures are in `rounds`.
    queueMsgsPerSecond: medianOf('queueMsgsPerSecond'),
    baselineMsgsPerSecond: medianOf('nodemailerPoolMsgsPerSecond'),
    ratio,
    // The queue's own pool without the queue: what the database, rendering and bookkeeping
    // cost on top of the connections themselves.
    ownPoolMsgsPerSecond: medianOf('ownPoolMsgsPerSecond'),
    ratioToOwnPool,
    goalRatioToOwnPool: GOALS.sendVsOwnPool.atLeast,
    queueMsgsPerSecondAfterStart: medianOf('queueMsgsPerSecondAfterStart'),
    startMs: medianOf('startMs'),
    // CPU of the app process per message: steadier than wall time on a busy machine.
    queueCpuMsPerMessage: medianPerMessage((queue) => queue.queueCpuMs),
    // The same without send.start: claims, rendering, wire marks, outcomes, connections.
    queueCpuMsPerMessageAfterStart: medianPerMessage((queue) => queue.pumpCpuMs),
    queueMainThreadCpuMsPerMessageAfterStart: medianPerMessage(
      (queue) => queue.pumpMainThreadCpuMs,
    ),
    // Of that, building the messages (render and MIME, the render module's work).
    buildCpuMsPerMessage: perMessage(build.buildCpuMs),
    baselineCpuMsPerMessage: medianOf('nodemailerPoolAppCpuMsPerMessage'),
    ownPoolCpuMsPerMessage: medianOf('ownPoolAppCpuMsPerMessage'),
    // The sink's side (with the tracker's credit calls in the queue phase), for judging which
    // process limits the rate: on two idle cores each process has one.
    sinkCpuMsPerMessageQueue: medianOf('queueSinkCpuMsPerMessage'),
    sinkCpuMsPerMessageNodemailerPool: medianOf('nodemailerPoolSinkCpuMsPerMessage'),
    sinkCpuMsPerMessageOwnPool: medianOf('ownPoolSinkCpuMsPerMessage'),
    // What the sink got and did per message in each phase: the same mail and commands give
    // the same bytes, socket reads and wake-ups; the tracker's credit calls are counted apart.
    ...sinkPerMessage('bytes', 0),
    ...sinkPerMessage('reads', 2),
    ...sinkPerMessage('wakeUps', 2),
    sinkConnectionsQueue: rounds[0]!.queue.sink.connections,
    sinkConnectionsNodemailerPool: rounds[0]!.nodemailerPool.sink.connections,
    sinkConnectionsOwnPool: rounds[0]!.ownPool.sink.connections,
    trackerRequestsQueue: rounds[0]!.queue.sink.trackerRequests,
    renderPerSecond: Math.round((RECIPIENTS / build.buildMs) * 1000),
    // The app process only, in the first queue round: its kernel peak RSS up to the end of the send
    // (seeding included), and the highest RSS sampled while the send ran.
    peakRssMb: first.maxRssMb,
    goalPeakRssMb: GOALS.sendPeakRssMb.atMost,
    queueSampledPeakRssMb: first.sampledPeakRssMb,
    rssAtQueueStartMb: first.rssAtQueueStartMb,
    rssAfterStartMb: first.rssAfterStartMb,
    rssAfterSendStartMb: first.rssAfterSendStartMb,
    peakRssMbAfterLastRound: queues[queues.length - 1]!.maxRssMb,
    targetMsgsPerSecond: 300,
    rounds: each,
  };
}
