import { createApp, type App } from '../../../electron/app';
import {
  unwrap,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../../electron/contract';
import { systemClock } from '../../../electron/services/core/clock';
import { consoleLogger, silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { acceptAgreements } from '../../helpers/agreements';
import type { TestApp } from '../../helpers/testApp';
import { fakeResolver } from '../../integration/sending/seedParts';

/** What the send-start bench hands its two app processes (over the environment). */
export interface StartBenchConfig {
  dataDir: string;
  smtpPort: number;
  trackerUrl: string;
  recipients: number;
}

export function startBenchConfig(): StartBenchConfig {
  return JSON.parse(process.env.BENCH_START_CONFIG ?? '') as StartBenchConfig;
}

/**
 * The app on the bench's data folder as the test helpers drive it (real clock, fake DNS): the
 * seeding process and the measured process open the same folder one after the other.
 */
export async function openBenchApp(config: StartBenchConfig): Promise<TestApp> {
  const app: App = await createApp({
    dataDir: config.dataDir,
    clock: systemClock,
    logger: process.env.BENCH_DEBUG ? consoleLogger : silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    sending: {
      resolver: fakeResolver(),
      // The user's rate limit is a deliberate throttle, not the queue's cost: lifted.
      manager: { limits: () => ({ perSecond: 1_000_000, perHour: 1_000_000_000 }) },
    },
  });
  await acceptAgreements(app);
  return {
    app,
    dataDir: config.dataDir,
    clock: { now: () => Date.now(), advance: () => undefined },
    call: async <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
      unwrap(await app.handlers[channel](input)) as ChannelOutput<C>,
    close: () => app.close(),
  } as unknown as TestApp;
}
