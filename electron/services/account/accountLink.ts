import { TrackerClient } from '../../../tracker/client';
import type { AppContext } from '../core/appContext';
import { readTrackerSession } from '../tracking/trackingConfig';

/** What the account page shows besides the stored link itself. */
export interface AccountProfile {
  account: string;
  userName: string;
  shopName: string;
  linkedAt: number;
}

export const PROFILE_KEY = 'account.profile';
export const REMEMBERED_USER_KEY = 'account.rememberedUserName';
export const SESSION_EXPIRED_KEY = 'account.sessionExpired';

/** Per request; a tracker that does not answer must not freeze "Nu bijwerken" for long. */
export const TRACKER_TIMEOUT_MS = 15_000;

export function readProfile(context: AppContext): AccountProfile | null {
  return context.kv.get<AccountProfile>(PROFILE_KEY) ?? null;
}

/** A client with the stored bearer token, or null when the app is not linked to an account. */
export function linkedClient(
  context: AppContext,
): { client: TrackerClient; account: string; baseUrl: string } | null {
  const session = readTrackerSession(context.kv, context.cipher);
  if (!session) return null;
  return {
    client: new TrackerClient({
      baseUrl: session.baseUrl,
      token: session.token,
      timeoutMs: TRACKER_TIMEOUT_MS,
    }),
    account: session.account,
    baseUrl: session.baseUrl,
  };
}
