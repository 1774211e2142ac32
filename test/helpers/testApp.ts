import { createApp, type App, type CreateAppOptions } from '../../electron/app';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/contract';
import { unwrap } from '../../electron/contract';
import { ManualClock } from '../../electron/services/core/clock';
import { silentLogger } from '../../electron/services/core/logger';
import { aesSecretCipher } from '../../electron/services/core/secrets';
import { acceptAgreements } from './agreements';
import { tempDir } from './tempDir';

export interface TestAppOptions extends Partial<CreateAppOptions> {
  /** true: the agreements are not accepted, as on a real first start (default: accepted). */
  firstStart?: boolean;
}

export interface TestApp {
  app: App;
  clock: ManualClock;
  dataDir: string;
  /** Calls a channel through the real handler table and unwraps the envelope (throws on ok:false). */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

/**
 * A real app on the data folder given, e.g. to start it again over the same database (a restart);
 * closing it leaves the folder in place.
 */
export async function openTestApp(
  dataDir: string,
  clock: ManualClock,
  { firstStart = false, ...options }: TestAppOptions = {},
): Promise<TestApp> {
  const app = await createApp({
    dataDir,
    clock,
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    ...options,
  });
  if (!firstStart) await acceptAgreements(app);
  return {
    app,
    clock,
    dataDir,
    call: async (channel, input) => unwrap(await app.handlers[channel](input)) as never,
    close: () => app.close(),
  };
}

/** A real app on a real SQLite file in a temp folder, with a clock the test controls. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = tempDir();
  const opened = await openTestApp(
    dir.path,
    new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0)),
    options,
  );
  return {
    ...opened,
    async close() {
      await opened.close();
      dir.remove();
    },
  };
}
