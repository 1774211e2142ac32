import { createAccount } from '../../../../tracker/accounts';
import type { ScryptParams } from '../../../../tracker/password';
import type { NewEvent, TrackerStore } from '../../../../tracker/store/types';

/** Cheap scrypt for test accounts (the real N=2^17 is checked once in test/unit/tracker). */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export function testAccount(
  store: TrackerStore,
  userName = 'modezaak',
  shopName = 'Jouw Modezaak',
) {
  return createAccount(store, {
    userName,
    shopName,
    password: 'correct horse',
    now: T0,
    scrypt: TEST_SCRYPT,
  });
}

let counter = 0;
export function event(account: string, overrides: Partial<NewEvent> = {}): NewEvent {
  counter += 1;
  return {
    id: `ev-${counter}-${Math.random().toString(36).slice(2)}`,
    account,
    kind: 'open',
    mailing: 'm1',
    recipient: 'r1',
    link: null,
    machine: null,
    at: T0,
    ip: '192.0.2.0',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/120.0',
    ...overrides,
  };
}
