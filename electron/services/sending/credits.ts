import { TrackerClient, TrackerError } from '../../../tracker/client';
import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';
import { readTrackerSession } from '../tracking/trackingConfig';

export interface CreditBalance {
  balance: number;
  reserved: number;
}

/**
 * The tracker's credit ledger as the queue sees it. Every call is idempotent by its key, so a
 * retry after a dropped connection never reserves or commits twice (reservation id = send id).
 */
export interface CreditsPort {
  reserve(reservationId: string, amount: number): Promise<CreditBalance>;
  commit(reservationId: string, amount: number, idempotencyKey: string): Promise<CreditBalance>;
  /** Hands back what is left of the reservation and closes it. */
  release(reservationId: string): Promise<CreditBalance>;
  balance(): Promise<CreditBalance>;
}

/** The linked account's tracker, or null when the app is not linked (sending needs an account). */
export function trackerCredits(kv: KeyValueStore, cipher: SecretCipher): CreditsPort | null {
  const session = readTrackerSession(kv, cipher);
  if (!session) return null;
  const client = new TrackerClient({
    baseUrl: session.baseUrl,
    token: session.token,
    timeoutMs: 15_000,
  });
  return {
    reserve: async (id, amount) => pick(await client.reserve(id, amount)),
    commit: async (id, amount, key) => pick(await client.commit(id, amount, key)),
    release: async (id) => pick(await client.release(id)),
    balance: () => client.balance(),
  };
}

/** Offline (network, timeouts, server trouble): worth trying again later, nothing is lost. */
export function isOffline(error: unknown): boolean {
  return (
    error instanceof TrackerError &&
    (error.code === 'network' || error.code === 'internal' || error.code === 'bad_response')
  );
}

function pick(result: { balance: number; reserved: number }): CreditBalance {
  return { balance: result.balance, reserved: result.reserved };
}
