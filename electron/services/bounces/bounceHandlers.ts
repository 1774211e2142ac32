import type { AppContext } from '../core/appContext';
import { DAY } from '../core/clock';
import type { HandlerImpls } from '../core/handlerTable';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import { BounceLog } from './bounceLog';
import { BounceMailbox } from './bounceMailbox';
import { BouncePoller } from './bouncePoller';
import { BounceRecorder } from './bounceRecorder';
import { BounceSettingsStore } from './bounceSettings';
import { bounceStoreOf } from './bounceStore';
import { UnsubscribeRequests } from './unsubscribeRequests';
import { verpSecret } from './verp';

/** Addresses in the bounce log are kept as long as the per-contact statistics: three months. */
const RETENTION_MS = 90 * DAY;

type BounceChannel =
  | 'bounces.getSettings'
  | 'bounces.updateSettings'
  | 'bounces.testConnection'
  | 'bounces.pollNow'
  | 'bounces.list'
  | 'bounces.undo'
  | 'bounces.review';

/** The bounce mailbox capability: its channels, and the poller createApp starts and stops. */
export function createBounceHandlers(context: AppContext): {
  handlers: Pick<HandlerImpls, BounceChannel>;
  poller: BouncePoller;
} {
  const sqlite = context.database.sqlite;
  const now = () => context.clock.now();
  const settings = new BounceSettingsStore(context.kv, context.cipher);
  const recorder = new BounceRecorder(
    sqlite,
    context.suppression,
    now,
    () => context.settings.read().language,
  );
  const log = new BounceLog(sqlite, context.suppression, now);
  const poller = new BouncePoller({
    settings,
    recorder,
    verpSecret: () => verpSecret(context.kv),
    clock: context.clock,
    logger: context.logger,
    events: context.events,
    productName: context.branding.productName,
    unsubscribes: new UnsubscribeRequests(bounceStoreOf(sqlite), context.suppression, () =>
      verpSecret(context.kv),
    ),
    afterPoll: () => log.anonymiseBefore(now() - RETENTION_MS),
  });
  const handlers: Pick<HandlerImpls, BounceChannel> = {
    'bounces.getSettings': () => settings.view(),
    'bounces.updateSettings': (input) => sqlite.transaction(() => settings.update(input))(),
    'bounces.testConnection': async (input) => {
      const mailbox = await BounceMailbox.open(
        settings.connectionFor(input),
        context.branding.productName,
      );
      try {
        return { ok: true as const, ...(await mailbox.describe()) };
      } finally {
        await mailbox.close();
      }
    },
    'bounces.pollNow': () => poller.pollNow(),
    'bounces.list': (input) => log.list(input),
    'bounces.undo': ({ id }) => log.undo(id),
    'bounces.review': ({ id, decision }) => {
      if (decision === 'dismiss') return log.dismiss(id);
      if (!recorder.confirmReview(id)) {
        throw new DomainError(
          ERROR_CODES.conflict,
          'This bounce is not waiting for review',
          'bounces:errors.notWaiting',
        );
      }
      return log.get(id);
    },
  };
  return { handlers, poller };
}
