import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../../../electron/app';
import { acceptAgreements } from '../../helpers/agreements';
import { ManualClock } from '../../../electron/services/core/clock';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { PROJECT_ROOT } from '../../../electron/paths';
import { tempDir } from '../../helpers/tempDir';
import type { TestApp } from '../../helpers/testApp';
import type { RunningTracker } from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, linkTracker, seedMailing } from './seed';
import type { SmtpSink } from './smtpSink';

const CHILD = join(PROJECT_ROOT, 'test/integration/sending/queueChild.ts');

/** The options queueChild.ts opens the data folder with; a test's own app uses the same. */
export function childAppOptions(dataDir: string) {
  return {
    dataDir,
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    sending: { resolver: fakeResolver() },
  };
}

/** The app's main process on `dataDir`, running the send queue until it is killed. */
export function startChild(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WINKELPOST_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`queue process exited (${code}): ${errors}`)));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** One read of the data folder's database while the queue process may be writing it. */
export function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'winkelpost.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Prepared by an app whose clock is an hour behind: a mailing of `count` recipients to the sink,
 * scheduled five minutes ahead of that clock, so the queue process (on the real clock) finds it
 * due and starts it. The app is closed again.
 */
export async function prepareScheduledSend(
  dataDir: string,
  options: { smtpPort: number; tracker: RunningTracker; count: number; perSecond: number },
): Promise<{ sendId: string; state: string }> {
  const clock = new ManualClock(Date.now() - 60 * 60 * 1000);
  const app = await createApp({ ...childAppOptions(dataDir), clock });
  await acceptAgreements(app);
  const t = {
    app,
    clock,
    dataDir,
    call: async (channel: string, input: unknown) => {
      const envelope = await app.handlers[channel as 'send.start'](input);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    },
    close: () => app.close(),
  } as unknown as TestApp;
  try {
    await linkTracker(t, options.tracker);
    const { mailingId } = await seedMailing(t, options);
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: `prepared-${mailingId}`,
      at: clock.now() + 5 * 60_000,
    });
    return { sendId: started.sendId, state: started.state };
  } finally {
    await app.close();
  }
}

/** What a crash test runs against; `cleanUp()` (in afterEach) kills and closes what is left. */
export interface CrashRig {
  sink?: SmtpSink;
  tracker?: RunningTracker;
  child?: ChildProcess;
  dir: { path: string; remove(): void };
  cleanUp(): Promise<void>;
}

export function crashRig(): CrashRig {
  const rig: CrashRig = {
    dir: tempDir(),
    async cleanUp() {
      rig.child?.kill('SIGKILL');
      await rig.sink?.close();
      await rig.tracker?.close();
      rig.dir.remove();
    },
  };
  return rig;
}
