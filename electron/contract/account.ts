import { z } from 'zod';
import { channel } from './channel';
import { Empty, Timestamp } from './common';

/** The state of the last sync with the tracker, shown in the header and on the account page. */
export const SyncState = z.object({
  /** When the last sync succeeded (null: never). */
  lastSyncAt: Timestamp.nullable(),
  /** When the last attempt ended, successful or not. */
  lastAttemptAt: Timestamp.nullable(),
  /** The last attempt failed: why, as an i18n key (e.g. accountLink:errors.offline). */
  errorKey: z.string().nullable(),
  running: z.boolean(),
  /** Events taken in by the last successful sync. */
  lastNewEvents: z.number().int().nonnegative(),
});
export type SyncStateT = z.infer<typeof SyncState>;

export const AccountStatus = z.object({
  linked: z.boolean(),
  userName: z.string().nullable(),
  shopName: z.string().nullable(),
  /** Pre-filled in the login form when "Gebruikersnaam onthouden" was ticked. */
  rememberedUserName: z.string().nullable(),
  trackerConfigured: z.boolean(),
  /** The tracker refused the stored session (expired): log in again; nothing local is lost. */
  sessionExpired: z.boolean(),
  sync: SyncState,
});
export type AccountStatusT = z.infer<typeof AccountStatus>;

export const LoginInput = z.object({
  userName: z.string().trim().min(1, { message: 'accountLink:errors.userNameRequired' }).max(200),
  password: z.string().min(1, { message: 'accountLink:errors.passwordRequired' }).max(1024),
  rememberUserName: z.boolean().default(false),
});

export const accountChannels = {
  'account.status': channel(Empty, AccountStatus),
  'account.login': channel(LoginInput, AccountStatus),
  /** Ends the link with the tracker; mailings, selections, statistics and settings stay. */
  'account.logout': channel(Empty, AccountStatus),
  /** Pulls new events and the credit balance now ("Nu bijwerken"); never throws for offline. */
  'sync.now': channel(Empty, SyncState),
  'sync.status': channel(Empty, SyncState),
};
