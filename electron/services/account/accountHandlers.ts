import { DomainError } from '../../contract';
import type { AccountStatusT } from '../../contract/account';
import { TrackerClient } from '../../../tracker/client';
import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { updateCredits } from '../credits/creditsState';
import type { SyncService } from '../sync/syncService';
import { clearTrackerLink, saveTrackerLink } from '../tracking/trackingConfig';
import {
  linkedClient,
  PROFILE_KEY,
  readProfile,
  REMEMBERED_USER_KEY,
  SESSION_EXPIRED_KEY,
  TRACKER_TIMEOUT_MS,
  type AccountProfile,
} from './accountLink';
import { loginError } from './trackerErrors';

type AccountChannels = 'account.status' | 'account.login' | 'account.logout';

export function accountStatus(context: AppContext, sync: SyncService): AccountStatusT {
  const linked = linkedClient(context) !== null;
  const profile = linked ? readProfile(context) : null;
  return {
    linked,
    userName: profile?.userName ?? null,
    shopName: profile?.shopName ?? null,
    rememberedUserName: context.kv.get<string>(REMEMBERED_USER_KEY) ?? null,
    trackerConfigured: context.settings.read().trackerUrl !== '',
    sessionExpired: linked && context.kv.get<boolean>(SESSION_EXPIRED_KEY) === true,
    sync: sync.state(),
  };
}

/**
 * Overig - account: linking the app to the tracker account. Drafting never needs it; sending and
 * credits do. Logging out removes only the link (token and signing key): every mailing,
 * selection, statistic and setting stays.
 */
export function createAccountHandlers(
  context: AppContext,
  sync: SyncService,
): Pick<HandlerImpls, AccountChannels> {
  return {
    'account.status': () => accountStatus(context, sync),

    'account.login': async ({ userName, password, rememberUserName }) => {
      const settings = context.settings.read();
      if (!settings.trackerUrl) {
        throw new DomainError(
          'unavailable',
          'No tracker address is set up',
          'accountLink:errors.noTrackerUrl',
        );
      }
      const client = new TrackerClient({
        baseUrl: settings.trackerUrl,
        timeoutMs: TRACKER_TIMEOUT_MS,
      });
      let login;
      try {
        login = await client.login(userName, password);
      } catch (error) {
        throw loginError(error, settings.language);
      }
      saveTrackerLink(context.kv, context.cipher, {
        baseUrl: settings.trackerUrl,
        account: login.account,
        kid: login.kid,
        key: Buffer.from(login.signingKey, 'base64'),
        token: login.token,
        userName: login.userName,
      });
      const profile: AccountProfile = {
        account: login.account,
        userName: login.userName,
        shopName: login.shopName,
        linkedAt: context.clock.now(),
      };
      context.kv.set(PROFILE_KEY, profile);
      context.kv.delete(SESSION_EXPIRED_KEY);
      if (rememberUserName) context.kv.set(REMEMBERED_USER_KEY, userName);
      else context.kv.delete(REMEMBERED_USER_KEY);
      updateCredits(context, { balance: login.balance, reserved: login.reserved });
      // The first sync runs in the background: a long backlog must not hold up the login.
      void sync.now();
      return accountStatus(context, sync);
    },

    'account.logout': async () => {
      const linked = linkedClient(context);
      if (linked) {
        // Ends the session at the tracker when it can be reached; the local link goes regardless.
        await linked.client.logout().catch(() => undefined);
      }
      await sync.stopRunning();
      clearTrackerLink(context.kv);
      context.kv.delete(PROFILE_KEY);
      context.kv.delete(SESSION_EXPIRED_KEY);
      return accountStatus(context, sync);
    },
  };
}
