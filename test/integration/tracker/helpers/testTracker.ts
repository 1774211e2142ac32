import { createAccount } from '../../../../tracker/accounts';
import { TrackerClient } from '../../../../tracker/client';
import { ManualClock } from '../../../../tracker/clock';
import { buildTracker, type TrackerOptions, type TrackerServer } from '../../../../tracker/server';
import type { Account, TrackerStore } from '../../../../tracker/store/types';
import { signToken, type TokenKind, type TokenPayload } from '../../../../tracker/tokens';
import { T0, TEST_SCRYPT } from './fixtures';
import type { StoreFactory } from './storeFactories';

export const PASSWORD = 'correct horse battery';

export interface TestTracker {
  server: TrackerServer;
  store: TrackerStore;
  clock: ManualClock;
  url: string;
  account: Account;
  /** A client already logged in as the account. */
  client: TrackerClient;
  kid: string;
  key: Buffer;
  /** Signs a token as the app would (with the login's key unless another is given). */
  token(kind: TokenKind, extra?: Partial<TokenPayload>, signWith?: Buffer): string;
  close(): Promise<void>;
}

/** A real tracker on a loopback port over a fresh store, with one account logged in. */
export async function startTestTracker(
  factory: StoreFactory,
  options: Partial<TrackerOptions> = {},
): Promise<TestTracker> {
  const { store, cleanup } = await factory();
  const clock = new ManualClock(T0);
  const account = await createAccount(store, {
    userName: 'modezaak',
    shopName: 'Jouw <Modezaak> & Zn',
    password: PASSWORD,
    now: T0,
    scrypt: TEST_SCRYPT,
  });
  const server = buildTracker({
    store,
    clock,
    publicUrl: 'http://tracker.test',
    scrypt: TEST_SCRYPT,
    retention: false,
    ...options,
  });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  const client = new TrackerClient({ baseUrl: url });
  const login = await client.login('modezaak', PASSWORD);
  const key = Buffer.from(login.signingKey, 'base64');
  return {
    server,
    store,
    clock,
    url,
    account,
    client,
    kid: login.kid,
    key,
    token: (kind, extra = {}, signWith = key) =>
      signToken(
        {
          v: 1,
          kid: login.kid,
          account: account.id,
          mailing: 'm1',
          recipient: 'r1',
          kind,
          ...extra,
        },
        signWith,
      ),
    async close() {
      await server.close();
      await cleanup();
    },
  };
}
