import type { EventPayload } from '../../contract';
import type { AppContext } from '../core/appContext';
import { TrackerClient } from '../../../tracker/client';
import { compileForChecklist, type ChecklistDeps } from '../checklist/checklist';
import { checklistGuard, createChecklistHandlers } from '../checklist/handlers';
import type { HandlerImpls } from '../core/handlerTable';
import { releaseMjmlWorker, type TrackedLink } from '../render';
import { dkimSigningFor } from '../senders/dkim';
import { systemTxtResolver, type TxtResolver } from '../senders/dnsCheck';
import { createSendersHandlers } from '../senders/handlers';
import { sharedRecipientsCache } from '../recipients/recipientsCache';
import { StagedRecipients } from '../selections/recipientsStaging';
import { readTrackerSession } from '../tracking/trackingConfig';
import { trackerCredits, type CreditsPort } from './credits';
import { createSendingHandlers } from './handlers';
import { mailingMessageSources } from './mailingMessages';
import type { Messenger } from './messenger';
import { queueMessenger } from './messenger';
import { SendService, type SendServiceOptions } from './sendService';
import type { SendRow } from './sendStore';
import { WebVersionPublisher } from './webVersion';

export interface SendingOptions {
  /** DNS for the SPF/DKIM/DMARC checks; tests pass a fake one. */
  resolver?: TxtResolver;
  credits?: () => CreditsPort | null;
  messengers?: (send: SendRow) => Messenger;
  manager?: SendServiceOptions['manager'];
  /** Connections the queue keeps open to the SMTP server. */
  maxConnections?: number;
}

type Channels =
  | 'send.test'
  | 'send.start'
  | 'send.pause'
  | 'send.resume'
  | 'send.cancel'
  | 'send.status'
  | 'send.list'
  | 'send.retryUncertain'
  | 'send.uncertain'
  | 'send.markUncertainNotSent'
  | 'checklist.get'
  | 'smtp.test'
  | 'senders.sendCode'
  | 'senders.verifyCode'
  | 'senders.verification'
  | 'dkim.get'
  | 'dkim.generate'
  | 'dns.check'
  | 'outbox.list'
  | 'outbox.open';

/** Builds the send queue, the checklist and the sender set-up for createApp. */
export function createSending(
  context: AppContext,
  options: SendingOptions = {},
): {
  service: SendService;
  handlers: Pick<HandlerImpls, Channels>;
  /** What the checklist needs outside send.start too (an automation's activation). */
  checklistDeps: ChecklistDeps;
} {
  const resolver = options.resolver ?? systemTxtResolver();
  const credits = options.credits ?? (() => trackerCredits(context.kv, context.cipher));
  const checklistDeps = { resolver: () => resolver, credits };
  const messengers =
    options.messengers ??
    ((send: SendRow) => {
      const mailing = context.mailings.get(send.mailingId);
      const sender = context.settings.read().senders.find((s) => s.id === mailing.from);
      const dkim = sender ? dkimSigningFor(context.kv, context.cipher, sender.email) : undefined;
      return queueMessenger(context, {
        ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
        ...(dkim ? { dkim } : {}),
      });
    });
  const webVersions = new WebVersionPublisher(context);
  // A sync that reached the tracker means an upload that failed earlier may succeed now.
  context.events.subscribe((name, payload) => {
    if (name === 'sync.finished' && (payload as EventPayload<'sync.finished'>).ok)
      void webVersions.retryPending();
  });
  const service = new SendService(context, {
    sources: mailingMessageSources(context),
    messengers,
    credits,
    guard: (mailingId, confirmed) => guardAndStage(context, checklistDeps, mailingId, confirmed),
    prepareAtTracker: (mailingId, links) => registerLinks(context, mailingId, links),
    publishWebVersion: (mailingId) => webVersions.publishForSend(mailingId),
    ...(options.manager ? { manager: options.manager } : {}),
  });
  return {
    service,
    checklistDeps,
    handlers: {
      ...createSendingHandlers(context, service, {
        prepareAtTracker: (mailingId, links) => registerLinks(context, mailingId, links),
        publishWebVersion: (mailingId) => webVersions.publishForSend(mailingId),
      }),
      ...createChecklistHandlers(context, checklistDeps),
      ...createSendersHandlers(context, () => resolver),
    },
  };
}

/**
 * send.start's gate, returning the recipients the checklist counted: staged afresh, exactly once
 * per start. The caller disposes of it.
 */
async function guardAndStage(
  context: AppContext,
  deps: ChecklistDeps,
  mailingId: string,
  confirmed: readonly string[],
): Promise<StagedRecipients> {
  // Step 3's kept answer for this mailing is not used from here on: its memory goes before the
  // send's own work begins, so the two are never held at once.
  sharedRecipientsCache(context).forget(mailingId);
  // The checklist's compile comes before staging, and MJML's worker ends right after it (the
  // send's own compile came first): its ~40 MB are gone before 100,000 recipients are staged
  // and their jobs written, so the two never add up in the process's peak.
  const compiled = await compileForChecklist(context, context.mailings.get(mailingId));
  // Awaited: the thread's exit is when its memory is back, not the call that asks for it.
  await releaseMjmlWorker();
  const staged = await StagedRecipients.stage(context, mailingId);
  try {
    await checklistGuard(context, deps, mailingId, confirmed, () => staged, { compiled });
  } catch (error) {
    staged.dispose();
    throw error;
  }
  return staged;
}

/**
 * The tracker redirects a click only to a link registered for the mailing: register them first
 * (the send snapshot's link table, or a test mail's own compile).
 */
async function registerLinks(
  context: AppContext,
  mailingId: string,
  links: readonly TrackedLink[],
): Promise<void> {
  const session = readTrackerSession(context.kv, context.cipher);
  if (!session || links.length === 0) return;
  const client = new TrackerClient({
    baseUrl: session.baseUrl,
    token: session.token,
    timeoutMs: 15_000,
  });
  await client.registerLinks(mailingId, [...links]);
}
