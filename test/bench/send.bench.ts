import nodemailer from 'nodemailer';
import { createApp } from '../../electron/app';
import {
  unwrap,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../electron/contract';
import { systemClock } from '../../electron/services/core/clock';
import { silentLogger } from '../../electron/services/core/logger';
import { aesSecretCipher } from '../../electron/services/core/secrets';
import { DEFAULT_WINDOW } from '../../electron/services/sending/sendManager';
import { mailingMessageSources } from '../../electron/services/sending/mailingMessages';
import type { OutgoingMail } from '../../electron/services/sending/messenger';
import type { SendRow } from '../../electron/services/sending/sendStore';
import { smtpOptions } from '../../electron/services/sending/transport';
import { newMessageId } from '../../electron/services/render';
import { tempDir } from '../helpers/tempDir';
import type { TestApp } from '../helpers/testApp';
import {
  ALL_TICKED,
  fakeResolver,
  linkTracker,
  recipientAddress,
  seedMailing,
} from '../integration/sending/seed';
import { startSmtpSink } from '../integration/sending/smtpSink';
import { startTracker } from '../integration/sync/trackerFixture';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONNECTIONS = 3;
const WINDOW = Number(process.env.BENCH_WINDOW ?? DEFAULT_WINDOW);

/**
 * 10,000 recipients to a loopback SMTP sink: through the whole queue (send.start with its checklist
 * and enqueue, claim transactions, rendering per recipient, result bookkeeping, credit commits at
 * the real tracker) versus a bare nodemailer pool sending the same pre-built messages, same number
 * of connections and messages in flight. The queue runs first, so its peak memory is its own. The user's rate limit is lifted for both: it is a
 * deliberate throttle, not the queue's cost.
 */
export default async function sendBench(): Promise<Record<string, number>> {
  const dir = tempDir('winkelpost-bench-');
  const sink = await startSmtpSink({ keep: false });
  const tracker = await startTracker({ credits: 50_000 });
  const app = await createApp({
    dataDir: dir.path,
    clock: systemClock,
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    sending: {
      resolver: fakeResolver(),
      maxConnections: CONNECTIONS,
      manager: { window: WINDOW, limits: () => ({ perSecond: 1_000_000, perHour: 1_000_000_000 }) },
    },
  });
  const t = {
    app,
    dataDir: dir.path,
    call: async <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
      unwrap(await app.handlers[channel](input)) as ChannelOutput<C>,
  } as unknown as TestApp & { clock: { now(): number; advance(ms: number): void } };
  (t as { clock: unknown }).clock = { now: () => Date.now(), advance: () => undefined };
  try {
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: RECIPIENTS });

    // The whole queue.
    const rssAtQueueStart = process.memoryUsage.rss();
    let peakRss = rssAtQueueStart;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    const queueStart = performance.now();
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'bench-send',
    });
    const pumpStart = performance.now();
    for (;;) {
      const status = await t.call('send.status', { sendId: started.sendId });
      if (status?.state === 'finished') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const queueMs = performance.now() - queueStart;
    const pumpMs = performance.now() - pumpStart;
    clearInterval(sampler);
    const queued = sink.count;
    if (queued !== RECIPIENTS) throw new Error(`the queue delivered ${queued} of ${RECIPIENTS}`);

    // Baseline: the same messages, built beforehand, through a bare pool.
    const source = await mailingMessageSources(app.context).forSend({ mailingId } as SendRow);
    const prebuilt: OutgoingMail[] = [];
    const buildStart = performance.now();
    for (let i = 0; i < RECIPIENTS; i += 1) {
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
      smtpOptions({ host: '127.0.0.1', port: sink.port, security: 'none', user: '' }, '', {
        pool: true,
        maxConnections: CONNECTIONS,
      }),
    );
    let next = 0;
    const baselineStart = performance.now();
    await Promise.all(
      Array.from({ length: WINDOW }, async () => {
        while (next < prebuilt.length) {
          const mail = prebuilt[next++]!;
          await pool.sendMail({
            envelope: { from: mail.envelopeFrom, to: [mail.to] },
            raw: mail.raw,
          });
        }
      }),
    );
    const baselineMs = performance.now() - baselineStart;
    pool.close();
    prebuilt.length = 0;
    if (sink.count !== 2 * RECIPIENTS)
      throw new Error(`the baseline delivered ${sink.count - RECIPIENTS}`);

    const baselinePerSecond = (RECIPIENTS / baselineMs) * 1000;
    const queuePerSecond = (RECIPIENTS / queueMs) * 1000;
    return {
      recipients: RECIPIENTS,
      connections: CONNECTIONS,
      baselineMsgsPerSecond: Math.round(baselinePerSecond),
      queueMsgsPerSecond: Math.round(queuePerSecond),
      queueMsgsPerSecondAfterStart: Math.round((RECIPIENTS / pumpMs) * 1000),
      startMs: Math.round(pumpStart - queueStart),
      renderPerSecond: Math.round((RECIPIENTS / buildMs) * 1000),
      ratio: Number((queuePerSecond / baselinePerSecond).toFixed(2)),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      // What the process (sink, tracker, import of the selection) held before the queue began.
      rssAtQueueStartMb: Math.round(rssAtQueueStart / 1024 / 1024),
      targetRatio: 0.8,
      targetMsgsPerSecond: 300,
      targetPeakRssMb: 250,
    };
  } finally {
    await app.close();
    await sink.close();
    await tracker.close();
    dir.remove();
  }
}
