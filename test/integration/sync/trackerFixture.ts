import { join } from 'node:path';
import { createAccount } from '../../../tracker/accounts';
import { buildTracker, type TrackerServer } from '../../../tracker/server';
import { openSqliteStore } from '../../../tracker/store/openStore';
import type { TrackerStore } from '../../../tracker/store/types';
import { signToken, type TokenKind } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';

export const TRACKER_USER = 'modezaak@example.nl';
export const TRACKER_PASSWORD = 'juist-wachtwoord-42';

export interface RunningTracker {
  url: string;
  server: TrackerServer;
  store: TrackerStore;
  accountId: string;
  kid: string;
  key: Buffer;
  /** A signed token of this account, as the app puts it in a mail. */
  token(kind: TokenKind, mailing: string, recipient: string, link?: number): string;
  close(): Promise<void>;
}

/**
 * The real tracker (Fastify, SQLite store in a temp folder) on a free loopback port, with one
 * account, some credits and two bundles. Cheap scrypt parameters keep logins fast in tests.
 */
export async function startTracker(
  options: { freeFailures?: number; credits?: number } = {},
): Promise<RunningTracker> {
  const dir = tempDir('winkelpost-tracker-');
  const store = openSqliteStore(join(dir.path, 'tracker.sqlite'));
  const scrypt = { N: 1024, r: 8, p: 1 };
  const account = await createAccount(store, {
    userName: TRACKER_USER,
    shopName: 'Jouw Modezaak',
    password: TRACKER_PASSWORD,
    now: Date.now(),
    scrypt,
  });
  if (options.credits !== 0) {
    await store.grantCredits(account.id, options.credits ?? 1000, 'test', Date.now());
  }
  await store.addBundle({
    id: 'b500',
    name: '500 credits',
    credits: 500,
    priceCents: 2500,
    active: true,
  });
  await store.addBundle({
    id: 'b2500',
    name: '2.500 credits',
    credits: 2500,
    priceCents: 9900,
    active: true,
  });
  const signing = await store.currentKey(account.id);
  if (!signing) throw new Error('tracker account has no key');
  const server = buildTracker({
    store,
    publicUrl: 'http://127.0.0.1',
    scrypt,
    retention: false,
    loginPolicy: { freeFailures: options.freeFailures ?? 5 },
    // Tests fetch pixels right after signing: only the user agent decides "machine" here.
    machineWindowMs: 0,
  });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    server,
    store,
    accountId: account.id,
    kid: signing.kid,
    key: signing.key,
    token: (kind, mailing, recipient, link) =>
      signToken(
        {
          v: 1,
          kid: signing.kid,
          account: account.id,
          mailing,
          recipient,
          kind,
          ...(link ? { link } : {}),
        },
        signing.key,
      ),
    async close() {
      await server.close();
      await store.close();
      dir.remove();
    },
  };
}

export const PERSON_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
/** What Apple Mail Privacy Protection's proxy sends when it fetches every pixel on delivery. */
export const APPLE_PROXY_AGENT = 'Mozilla/5.0';

export async function fetchPixel(tracker: RunningTracker, token: string, userAgent = PERSON_AGENT) {
  const response = await fetch(`${tracker.url}/o/${token}.gif`, {
    headers: { 'user-agent': userAgent },
  });
  await response.arrayBuffer();
  return response.status;
}

export async function followLink(tracker: RunningTracker, token: string, userAgent = PERSON_AGENT) {
  const response = await fetch(`${tracker.url}/c/${token}`, {
    headers: { 'user-agent': userAgent },
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

/** RFC 8058 one-click unsubscribe, as a mail client posts it. */
export async function oneClickUnsubscribe(tracker: RunningTracker, token: string) {
  const response = await fetch(`${tracker.url}/u/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': PERSON_AGENT },
    body: 'List-Unsubscribe=One-Click',
  });
  await response.arrayBuffer();
  return response.status;
}
