/**
 * The process the send benchmark measures: the app with its send queue and nothing else (the SMTP
 * sink and the tracker run in the peers process). Phase 1 sends RECIPIENTS mails through the
 * whole queue; phase 2, when the parent says so, sends the same messages pre-built through a bare
 * nodemailer pool. Figures go to the parent over IPC.
 */
import nodemailer from 'nodemailer';
import { createApp } from '../../../electron/app';
import {
  unwrap,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../../electron/contract';
import { systemClock } from '../../../electron/services/core/clock';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { newMessageId } from '../../../electron/services/render';
import { mailingMessageSources } from '../../../electron/services/sending/mailingMessages';
import type { OutgoingMail } from '../../../electron/services/sending/messenger';
import type { SendRow } from '../../../electron/services/sending/sendStore';
import { smtpOptions } from '../../../electron/services/sending/transport';
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
import { startPhaseProfile } from './phaseProfile';

export interface AppProcessConfig {
  smtpPort: number;
  trackerUrl: string;
  recipients: number;
  connections: number;
  window: number;
}

export interface QueueFigures {
  type: 'queue';
  queueMs: number;
  pumpMs: number;
  queueCpuMs: number;
  /** process.resourceUsage().maxRSS when the send finished: the process's whole life so far. */
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

export interface BaselineFigures {
  type: 'baseline';
  baselineMs: number;
  baselineCpuMs: number;
  buildMs: number;
}

const config = JSON.parse(process.env.BENCH_SEND_CONFIG ?? '') as AppProcessConfig;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const dir = tempDir('winkelpost-bench-');
const app = await createApp({
  dataDir: dir.path,
  clock: systemClock,
  logger: silentLogger,
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

// "Versturen" only appears on the checklist (step 6), which compiles the mailing: in the app the
// one-time load of the renderer (MJML) has happened before send.start, so here too.
await t.call('checklist.get', { mailingId });

// Phase 1: the whole queue, from send.start (checklist, recipients, enqueue) to the last result.
const rssAtQueueStart = process.memoryUsage.rss();
let sampledPeak = rssAtQueueStart;
// Reading RSS costs a /proc read: often enough to see the peak, rarely enough not to cost much.
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
}, 50);
// The end of the send as the renderer learns it (no polling that would add its own queries).
const finished = new Promise<void>((resolve) => {
  const unsubscribe = app.context.events.subscribe((name, payload) => {
    if (name === 'send.progress' && (payload as { state: string }).state === 'finished') {
      unsubscribe();
      resolve();
    }
  });
});
const stopProfile = await startPhaseProfile('queue');
const queueCpu = process.cpuUsage();
const queueStart = performance.now();
const started = await t.call('send.start', {
  mailingId,
  confirmed: ALL_TICKED,
  idempotencyKey: 'bench-send',
});
const pumpStart = performance.now();
const rssAfterSendStart = process.memoryUsage.rss();
await finished;
const queueEnd = performance.now();
const queueFigures: QueueFigures = {
  type: 'queue',
  queueMs: queueEnd - queueStart,
  pumpMs: queueEnd - pumpStart,
  queueCpuMs: cpuMs(queueCpu),
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  sampledPeakRssMb: mb(sampledPeak),
  rssAtQueueStartMb: mb(rssAtQueueStart),
  rssAfterStartMb: mb(rssAfterStart),
  rssAfterSendStartMb: mb(rssAfterSendStart),
  sent: (await t.call('send.status', { sendId: started.sendId }))?.sent ?? 0,
};
clearInterval(sampler);
await stopProfile();
process.send!(queueFigures);
await new Promise<void>((resolve) =>
  process.once('message', (m: { type: string }) => m.type === 'baseline' && resolve()),
);

// Phase 2: the same messages, built beforehand, through a bare pool with as many in flight.
const source = await mailingMessageSources(app.context).forSend({ mailingId } as SendRow);
const prebuilt: OutgoingMail[] = [];
const buildStart = performance.now();
for (let i = 0; i < config.recipients; i += 1) {
  const email = recipientAddress(i);
  prebuilt.push(
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
    }),
  );
}
const buildMs = performance.now() - buildStart;
const pool = nodemailer.createTransport(
  smtpOptions({ host: '127.0.0.1', port: config.smtpPort, security: 'none', user: '' }, '', {
    pool: true,
    maxConnections: config.connections,
  }),
);
let next = 0;
const stopBaselineProfile = await startPhaseProfile('baseline');
const baselineCpu = process.cpuUsage();
const baselineStart = performance.now();
await Promise.all(
  Array.from({ length: config.window }, async () => {
    while (next < prebuilt.length) {
      const mail = prebuilt[next++]!;
      // The same call the queue's messenger makes, minus the queue.
      await pool.sendMail({
        envelope: { from: mail.envelopeFrom, to: [mail.to] },
        messageId: mail.messageId,
        raw: mail.raw,
      });
    }
  }),
);
const baselineFigures: BaselineFigures = {
  type: 'baseline',
  baselineMs: performance.now() - baselineStart,
  baselineCpuMs: cpuMs(baselineCpu),
  buildMs,
};
await stopBaselineProfile();
pool.close();
await app.close();
dir.remove();
process.send!(baselineFigures, () => process.exit(0));
