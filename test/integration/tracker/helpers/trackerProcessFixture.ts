import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openSqliteStore } from '../../../../tracker/store/openStore';
import type { Account } from '../../../../tracker/store/types';
import { signToken } from '../../../../tracker/tokens';
import { tempDir } from '../../../helpers/tempDir';
import { testAccount } from './fixtures';
import type { TrackerProcess } from './trackerProcess';

/**
 * For tests of `npm run tracker` as processes on a SQLite file: a fresh database with one account
 * per test, opens signed with its key, the recipients stored, and the tracker's whole process
 * group killed after each test when the test left it running.
 */
export function trackerProcessFixture(dirPrefix: string) {
  let dir: ReturnType<typeof tempDir>;
  let running: TrackerProcess | undefined;
  const state = {} as { dbPath: string; account: Account; key: { kid: string; key: Buffer } };

  beforeEach(async () => {
    dir = tempDir(dirPrefix);
    state.dbPath = join(dir.path, 'tracker.sqlite');
    const setup = openSqliteStore(state.dbPath);
    state.account = await testAccount(setup);
    state.key = (await setup.currentKey(state.account.id))!;
    await setup.close();
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      process.kill(-running.child.pid!, 'SIGKILL');
      await once(running.child, 'exit');
    }
    running = undefined;
    dir.remove();
  });

  const signed = (recipient: string, kind: 'open' | 'click', signingKey = state.key.key) =>
    signToken(
      {
        v: 1,
        kid: state.key.kid,
        account: state.account.id,
        mailing: 'm1',
        recipient,
        kind,
        ...(kind === 'click' ? { link: 0 } : {}),
      },
      signingKey,
    );
  const openToken = (recipient: string, signingKey?: Buffer) =>
    signed(recipient, 'open', signingKey);
  const storedEvents = async () => {
    const store = openSqliteStore(state.dbPath);
    const { events } = await store.eventsAfter(state.account.id, null, 10_000);
    await store.close();
    return events;
  };
  /** Fetches the pixel; it answers the GIF whatever the token. */
  const fetchPixel = async (url: string, token: string) => {
    const answer = await fetch(`${url}/o/${token}.gif`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/gif');
    await answer.arrayBuffer();
  };

  return {
    /** This test's database file (a new one per test). */
    dbPath: () => state.dbPath,
    /** Remembers the tracker so it is killed after the test if still running. */
    track: (tracker: TrackerProcess) => (running = tracker),
    openToken,
    /** A click on link 0 of mailing m1 (see withLink). */
    clickToken: (recipient: string) => signed(recipient, 'click'),
    /** Registers link 0 of mailing m1 before the tracker starts. */
    withLink: async (url: string) => {
      const store = openSqliteStore(state.dbPath);
      await store.putLinks(state.account.id, 'm1', [{ id: 0, url }]);
      await store.close();
    },
    fetchPixel,
    openAll: (url: string, recipients: string[]) =>
      Promise.all(recipients.map((r) => fetchPixel(url, openToken(r)))),
    recipients: (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}`),
    storedRecipients: async () => (await storedEvents()).map((e) => e.recipient!).sort(),
    storedEvents,
  };
}
