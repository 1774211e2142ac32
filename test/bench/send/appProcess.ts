/**
 * The process the send benchmark measures: the app with its send queue and nothing else (the SMTP
 * sink and the tracker run in the peers process). First WARM_UP mails through a bare nodemailer
 * pool, so the sink and the SMTP client code they share are warm before anything is measured.
 * Then it runs the rounds the parent asks for, one phase at a time: RECIPIENTS mails through the
 * whole queue (each queue round a fresh send of a copy of the mailing to the same recipients),
 * or the same number of messages, built beforehand, through a bare nodemailer pool or the
 * queue's own connection pool without the queue. Figures go to the parent over IPC.
 */
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { createApp } from '../../../electron/app';
import {
  unwrap,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../../electron/contract';
import { systemClock } from '../../../electron/services/core/clock';
import { consoleLogger, silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { newMessageId } from '../../../electron/services/render';
import { messagesOfSnapshot } from '../../../electron/services/sending/mailingMessages';
import { compileSnapshot } from '../../../electron/services/sending/snapshots';
import type { OutgoingMail } from '../../../electron/services/sending/messenger';
import { SmtpPool } from '../../../electron/services/sending/smtpPool';
import {
  connectionOptions,
  MAX_MESSAGES_PER_CONNECTION,
  smtpOptions,
} from '../../../electron/services/sending/transport';
import { acceptAgreements } from '../../helpers/agreements';
import { tempDir } from '../../helpers/tempDir';
import type { TestApp } from '../../helpers/testApp';
import {
  ALL_TICKED,
  fakeResolver,
  linkTracker,
  recipientAddress,
  seedMailing,
} from '../../integration/sending/seed';
import type { RunningTracker } from '../../integration/sync/trackerFixture';
import { peakRssMb } from '../peakRss';
import { startPhaseProfile } from './phaseProfile';

export interface AppProcessConfig {
  smtpPort: number;
  trackerUrl: string;
  recipients: number;
  warmUp: number;
  connections: number;
  window: number;
}

export interface QueueFigures {
  type: 'queue';
  queueMs: number;
  pumpMs: number;
  queueCpuMs: number;
  /** CPU from the end of send.start to the last result: the queue's own work per message. */
  pumpCpuMs: number;
  /** The same on the main thread alone (10 ms ticks; NaN where /proc is missing). */
  pumpMainThreadCpuMs: number;
  /** The kernel's peak RSS when the send finished (peakRss.ts): the process's whole life so far. */
  maxRssMb: number;
  /** Highest process.memoryUsage.rss() sampled while the send ran. */
  sampledPeakRssMb: number;
  rssAtQueueStartMb: number;
  /** Right after createApp: the app's own footprint (modules, database) before any work. */
  rssAfterStartMb: number;
  /** When send.start returned (checklist, recipients, enqueue done), before the first claim. */
  rssAfterSendStartMb: number;
  sent: number;
}

export interface PoolFigures {
  ms: number;
  cpuMs: number;
}

/** The phases of one round: the two baselines and the queue. */
export type Phase = 'nodemailerPool' | 'queue' | 'ownPool';

export interface RoundRequest {
  type: 'round';
  phase: Phase;
  round: number;
}

export interface PoolRoundFigures extends PoolFigures {
  type: 'pool';
}

export interface BuildFigures {
  type: 'build';
  buildMs: number;
  /** CPU of building every message (render and MIME), which the queue does per job. */
  buildCpuMs: number;
}

const config = JSON.parse(process.env.BENCH_SEND_CONFIG ?? '') as AppProcessConfig;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** CPU of the main thread alone (Linux): what is left is libuv's pool (the WAL syncs) and GC helpers. */
const mainThreadCpuMs = (): number => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
};
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const dir = tempDir('winkelpost-bench-');
const app = await createApp({
  dataDir: dir.path,
  clock: systemClock,
  logger: process.env.BENCH_DEBUG ? consoleLogger : silentLogger,
  cipher: aesSecretCipher(Buffer.alloc(32, 1)),
  sending: {
    resolver: fakeResolver(),
    maxConnections: config.connections,
    // The user's rate limit is a deliberate throttle, not the queue's cost: lifted for the bench.
    manager: {
      window: config.window,
      limits: () => ({ perSecond: 1_000_000, perHour: 1_000_000_000 }),
    },
  },
});
await acceptAgreements(app);
const rssAfterStart = process.memoryUsage.rss();
const t = {
  app,
  dataDir: dir.path,
  clock: { now: () => Date.now(), advance: () => undefined },
  call: async <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
    unwrap(await app.handlers[channel](input)) as ChannelOutput<C>,
} as unknown as TestApp;

await linkTracker(t, { url: config.trackerUrl } as RunningTracker);
const { mailingId } = await seedMailing(t, { smtpPort: config.smtpPort, count: config.recipients });
// Each queue round mails the same customers again: the 48-hour rule would skip them all.
{
  const { limits } = await t.call('settings.get', {});
  await t.call('settings.update', { limits: { ...limits, fairUseHours: 0 } });
}

// "Versturen" only appears on the checklist (step 6), which compiles the mailing: in the app the
// one-time load of the renderer (MJML) has happened before send.start, so here too.
await t.call('checklist.get', { mailingId });

// The same snapshot send.start stores, and the same per-job build as the queue's.
const source = messagesOfSnapshot(
  app.context,
  await compileSnapshot(app.context, app.context.mailings.get(mailingId)),
);
const buildOne = (i: number, email: string): OutgoingMail =>
  source.build({
    id: i + 1,
    sendId: 'baseline',
    mailingId,
    contactId: null,
    email,
    normalizedEmail: email,
    recipientId: `r${i}`,
    messageId: newMessageId('nieuws@bakkerij.nl'),
    data: { naam: `Klant ${i}`, voornaam: 'Klant' },
    attempts: 1,
  });
/** nodemailer's own pool, set up as the queue's pool is: the benchmark's baseline. */
const nodemailerPool = () =>
  nodemailer.createTransport({
    ...smtpOptions({ host: '127.0.0.1', port: config.smtpPort, security: 'none', user: '' }, ''),
    pool: true,
    maxConnections: config.connections,
    maxMessages: MAX_MESSAGES_PER_CONNECTION,
  } satisfies SMTPPool.Options);
/** Sends `count` messages with `window` in flight, as the queue keeps them; CPU and wall time. */
async function sendThrough(
  send: (mail: OutgoingMail) => Promise<unknown>,
  count: number,
  mailAt: (i: number) => OutgoingMail,
): Promise<PoolFigures> {
  let next = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: config.window }, async () => {
      while (next < count) await send(mailAt(next++));
    }),
  );
  return { ms: performance.now() - start, cpuMs: cpuMs(cpu) };
}
// The same call the queue's transport makes for a raw message, minus the queue.
const viaNodemailer = (pool: ReturnType<typeof nodemailerPool>) => (mail: OutgoingMail) =>
  pool.sendMail({
    envelope: { from: mail.envelopeFrom, to: [mail.to] },
    messageId: mail.messageId,
    raw: mail.raw,
  });

// Warm-up: one message, WARM_UP times, through a bare nodemailer pool.
{
  const warmMail = buildOne(0, 'opwarmen@example.nl');
  const pool = nodemailerPool();
  await sendThrough(viaNodemailer(pool), config.warmUp, () => warmMail);
  pool.close();
}

/**
 * The pools send a ring of a few hundred built messages (the same bytes per message as the
 * queue's), so the queue's memory figures do not carry the baselines' messages.
 */
const ring = Array.from({ length: 256 }, (_, i) => buildOne(i, recipientAddress(i)));
const ringMail = (i: number) => ring[i % ring.length]!;

/** The queue's own pool without the queue (SmtpPool, as the queue sets it up). */
async function throughOwnPool(): Promise<PoolFigures> {
  const own = new SmtpPool({
    connection: connectionOptions({
      host: '127.0.0.1',
      port: config.smtpPort,
      security: 'none',
      user: '',
    }),
    maxConnections: config.connections,
    maxMessages: MAX_MESSAGES_PER_CONNECTION,
  });
  try {
    return await sendThrough((mail) => own.send(mail), config.recipients, ringMail);
  } finally {
    own.close();
  }
}

async function throughNodemailerPool(): Promise<PoolFigures> {
  const pool = nodemailerPool();
  try {
    return await sendThrough(viaNodemailer(pool), config.recipients, ringMail);
  } finally {
    pool.close();
  }
}

/** A mailing for the next queue round: the seeded one first, then copies of it. */
let queueRounds = 0;
async function mailingForRound(): Promise<string> {
  queueRounds += 1;
  if (queueRounds === 1) return mailingId;
  const copy = await t.call('mailings.create', { type: 'newsletter', fromId: mailingId });
  await t.call('mailings.setSelections', {
    id: copy.id,
    // The seeded selection, the only one.
    selectionIds: (await t.call('selections.list', {})).map((selection) => selection.id),
  });
  app.context.mailings.markTested(copy.id, Date.now());
  return copy.id;
}

/** The whole queue, from send.start (checklist, recipients, enqueue) to the last result. */
async function throughQueue(round: number): Promise<QueueFigures> {
  const id = await mailingForRound();
  // "Versturen" only appears on the checklist (step 6), which compiles the mailing: in the app
  // the one-time load of the renderer (MJML) has happened before send.start, so here too.
  await t.call('checklist.get', { mailingId: id });
  const rssAtQueueStart = process.memoryUsage.rss();
  let sampledPeak = rssAtQueueStart;
  // Reading RSS costs a /proc read: often enough to see the peak, rarely enough not to cost much.
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 50);
  // The end of the send as the renderer learns it (no polling that would add its own queries).
  const finished = new Promise<void>((resolve) => {
    const unsubscribe = app.context.events.subscribe((name, payload) => {
      const progress = payload as { mailingId: string; state: string };
      if (name === 'send.progress' && progress.mailingId === id && progress.state === 'finished') {
        unsubscribe();
        resolve();
      }
    });
  });
  const queueCpu = process.cpuUsage();
  const queueStart = performance.now();
  const started = await t.call('send.start', {
    mailingId: id,
    confirmed: ALL_TICKED,
    idempotencyKey: `bench-send-${round}`,
  });
  const pumpStart = performance.now();
  const pumpCpu = process.cpuUsage();
  const pumpMainThread = mainThreadCpuMs();
  const rssAfterSendStart = process.memoryUsage.rss();
  await finished;
  const queueEnd = performance.now();
  const figures: QueueFigures = {
    type: 'queue',
    queueMs: queueEnd - queueStart,
    pumpMs: queueEnd - pumpStart,
    queueCpuMs: cpuMs(queueCpu),
    pumpCpuMs: cpuMs(pumpCpu),
    pumpMainThreadCpuMs: mainThreadCpuMs() - pumpMainThread,
    maxRssMb: peakRssMb(),
    sampledPeakRssMb: mb(sampledPeak),
    rssAtQueueStartMb: mb(rssAtQueueStart),
    rssAfterStartMb: mb(rssAfterStart),
    rssAfterSendStartMb: mb(rssAfterSendStart),
    sent: (await t.call('send.status', { sendId: started.sendId }))?.sent ?? 0,
  };
  clearInterval(sampler);
  return figures;
}

async function runRound({ phase, round }: RoundRequest): Promise<QueueFigures | PoolRoundFigures> {
  const stopProfile = await startPhaseProfile(`${phase}-${round}`);
  try {
    if (phase === 'queue') return await throughQueue(round);
    const figures = phase === 'ownPool' ? await throughOwnPool() : await throughNodemailerPool();
    return { type: 'pool', ...figures };
  } finally {
    await stopProfile();
  }
}

/** Building every message once more, for the render module's share of the queue's CPU. */
function measureBuild(): BuildFigures {
  const built: OutgoingMail[] = [];
  const buildStart = performance.now();
  const buildCpu = process.cpuUsage();
  for (let i = 0; i < config.recipients; i += 1) built.push(buildOne(i, recipientAddress(i)));
  return { type: 'build', buildMs: performance.now() - buildStart, buildCpuMs: cpuMs(buildCpu) };
}

// One request at a time: the parent waits for each answer before it asks the next.
process.on('message', (message: RoundRequest | { type: 'build' }) => {
  void (async () => {
    if (message.type === 'round') {
      process.send!(await runRound(message));
      return;
    }
    const build = measureBuild();
    await app.close();
    dir.remove();
    process.send!(build, () => process.exit(0));
  })();
});
process.send!({ type: 'warmed' });
