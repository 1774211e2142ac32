import type { MachineReason } from '../classify';

/**
 * Everything the tracker keeps, behind one interface with an SQLite and a PostgreSQL implementation
 * (both pass test/integration/tracker/storeSuite.ts). Money-like operations (credits) are atomic in
 * the store: one transaction, the account row locked, idempotency keys checked inside it.
 */
export const EVENT_KINDS = ['open', 'click', 'unsubscribe', 'confirm'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface Account {
  id: string;
  userName: string;
  shopName: string;
  balance: number;
  createdAt: number;
}

export interface AccountLogin {
  id: string;
  passwordHash: string;
}

/** Failed logins in a row for one account from one network (truncated IP), and its lock. */
export interface LoginLock {
  failures: number;
  lockedUntil: number;
}

export interface SigningKey {
  kid: string;
  key: Buffer;
}

export interface NewEvent {
  /** Unique id handed to the app (the app de-duplicates on it: delivery is at-least-once). */
  id: string;
  account: string;
  kind: EventKind;
  mailing: string;
  recipient: string;
  link: number | null;
  machine: MachineReason | null;
  at: number;
  ip: string | null;
  userAgent: string | null;
}

export interface StoredEvent {
  id: string;
  /** Position in the event stream; the cursor is the last seq seen (as a string). */
  seq: number;
  kind: EventKind;
  mailing: string;
  /** Null once anonymised (older than the retention period). */
  recipient: string | null;
  link: number | null;
  machine: MachineReason | null;
  at: number;
}

export interface Balance {
  /** Credits free to reserve. */
  balance: number;
  /** Credits held by open reservations (not yet committed or released). */
  reserved: number;
}

export interface Reservation {
  id: string;
  reserved: number;
  committed: number;
  released: number;
  open: boolean;
}

export interface CreditResult {
  reservation: Reservation;
  balance: Balance;
  /** True when this call was a retry answered from the idempotency record. */
  replayed: boolean;
}

export interface LedgerEntry {
  at: number;
  kind: 'grant' | 'reserve' | 'commit' | 'release';
  /** Change to the free balance (commit: 0, it was taken at reserve). */
  delta: number;
  amount: number;
  reference: string | null;
}

export interface Bundle {
  id: string;
  name: string;
  credits: number;
  priceCents: number;
  active: boolean;
}

export interface Order {
  id: string;
  account: string;
  bundleId: string;
  credits: number;
  status: 'requested' | 'fulfilled' | 'cancelled';
  note: string | null;
  createdAt: number;
}

export interface Suppression {
  recipient: string;
  mailing: string | null;
  at: number;
}

export interface Asset {
  hash: string;
  mime: string;
  bytes: Buffer;
}

export interface LinkTarget {
  id: number;
  url: string;
}

export interface StoreError extends Error {
  code: 'insufficient_credits' | 'conflict' | 'not_found';
}

export function storeError(code: StoreError['code'], message: string): StoreError {
  return Object.assign(new Error(message), { code });
}

export function isStoreError(error: unknown): error is StoreError {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'insufficient_credits' || code === 'conflict' || code === 'not_found';
}

export interface TrackerStore {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;

  createAccount(input: {
    id: string;
    userName: string;
    shopName: string;
    passwordHash: string;
    key: SigningKey;
    now: number;
  }): Promise<Account>;
  getAccount(id: string): Promise<Account | null>;
  findAccountByUserName(userName: string): Promise<Account | null>;
  listAccounts(): Promise<Account[]>;
  setShopName(accountId: string, shopName: string): Promise<void>;
  setPasswordHash(accountId: string, passwordHash: string): Promise<void>;

  getLogin(userName: string): Promise<AccountLogin | null>;
  /**
   * Logins are locked per account AND network, so a stranger's failures never lock the owner's
   * own network out. All of it lives in the database: every tracker process sees the same counts.
   */
  loginLock(accountId: string, network: string): Promise<LoginLock>;
  /** Counts a failed login from the network and sets lockedUntil from the policy, atomically. */
  recordLoginFailure(
    accountId: string,
    network: string,
    lockUntil: (failures: number) => number,
  ): Promise<LoginLock>;
  /** After a success (one network) or by the reseller's unlock (every network). */
  resetLoginFailures(accountId: string, network?: string): Promise<void>;
  /**
   * Counts one login attempt in a fixed window for a scope (a network, or the whole tracker) and
   * returns the count so far; a window older than windowMs starts again at 1. Atomic.
   */
  countLoginAttempt(
    scope: string,
    now: number,
    windowMs: number,
  ): Promise<{ windowStart: number; attempts: number }>;
  /** Housekeeping: windows started and locks ended before the time; returns rows removed. */
  pruneLoginThrottle(before: number): Promise<number>;

  /** Adds a key and makes it the current one; older keys stay valid for verifying old mails. */
  addKey(accountId: string, key: SigningKey, now: number): Promise<void>;
  getKey(accountId: string, kid: string): Promise<Buffer | null>;
  currentKey(accountId: string): Promise<SigningKey | null>;
  listKids(accountId: string): Promise<string[]>;

  createSession(
    tokenHash: string,
    accountId: string,
    now: number,
    expiresAt: number,
  ): Promise<void>;
  findSession(tokenHash: string, now: number): Promise<string | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Housekeeping (run with the retention job); returns how many were removed. */
  deleteExpiredSessions(now: number): Promise<number>;

  grantCredits(
    accountId: string,
    amount: number,
    note: string | null,
    now: number,
  ): Promise<Balance>;
  getBalance(accountId: string): Promise<Balance>;
  reserveCredits(
    accountId: string,
    reservationId: string,
    amount: number,
    now: number,
  ): Promise<CreditResult>;
  commitCredits(
    accountId: string,
    reservationId: string,
    amount: number,
    idempotencyKey: string,
    now: number,
  ): Promise<CreditResult>;
  releaseCredits(accountId: string, reservationId: string, now: number): Promise<CreditResult>;
  ledger(accountId: string, limit: number): Promise<LedgerEntry[]>;

  addBundle(bundle: Bundle): Promise<void>;
  listBundles(): Promise<Bundle[]>;
  /** One order per (account, idempotency key): a double click orders once. */
  createOrder(input: {
    id: string;
    account: string;
    bundleId: string;
    idempotencyKey: string;
    note: string | null;
    now: number;
  }): Promise<Order>;
  listOrders(accountId?: string): Promise<Order[]>;
  /** Marks a requested order fulfilled and grants its credits, in one transaction. */
  fulfilOrder(orderId: string, now: number): Promise<Order>;

  putLinks(accountId: string, mailing: string, links: LinkTarget[]): Promise<void>;
  getLinkUrl(accountId: string, mailing: string, linkId: number): Promise<string | null>;
  putWebVersion(accountId: string, mailing: string, html: string, now: number): Promise<void>;
  getWebVersion(accountId: string, mailing: string): Promise<string | null>;
  putAsset(asset: Asset, accountId: string, now: number): Promise<void>;
  getAsset(hash: string): Promise<Asset | null>;

  /** Stores a batch of events in one transaction (the pixel and click paths batch them). */
  insertEvents(events: NewEvent[]): Promise<void>;
  /**
   * Records an unsubscribe: adds the suppression and its event only the first time, so a replayed
   * one-click POST changes nothing. Returns whether this call added it.
   */
  unsubscribe(event: NewEvent): Promise<boolean>;
  /**
   * Records a re-subscription confirmation (the button on the confirmation page was pressed) and
   * lifts the suppression, once per recipient: returns false, changing nothing, when it was
   * confirmed before.
   */
  confirm(event: NewEvent): Promise<boolean>;
  isConfirmed(accountId: string, recipient: string): Promise<boolean>;
  eventsAfter(
    accountId: string,
    cursor: string | null,
    limit: number,
  ): Promise<{ events: StoredEvent[]; nextCursor: string | null }>;
  listSuppressions(accountId: string): Promise<Suppression[]>;
  /** Removes recipient, IP and user agent from events before the cutoff; counts stay. */
  anonymiseEventsBefore(cutoff: number): Promise<number>;
}
