import type { AppContext } from '../core/appContext';
import { Turns } from '../core/turns';
import { MANUAL_CHECKS, type ChecklistItemT, type ChecklistT } from '../../contract/checklist';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import type { MailingT } from '../../contract/mailings';
import { readCredits } from '../app/appService';
import { compileStoredMailing, resolveSender } from '../mailings/renderInput';
import {
  composeMessage,
  emptyVariables,
  renderForRecipient,
  type CompiledMailing,
} from '../render';
import { SAMPLE_DATA } from '../render/variables';
import { isUsable } from '../selections/ages';
import {
  resolveRecipients,
  type RecipientList,
  type RecipientsAnswer,
} from '../selections/recipients';
import { checkSubject } from '../subject/checkSubject';
import type { CreditsPort } from '../sending/credits';
import { dkimPublicKey, domainOf } from '../senders/dkim';
import { checkSenderDomain, type DnsCheckResult, type TxtResolver } from '../senders/dnsCheck';
import { contrastItem } from './contrastItem';
import {
  predictedHostedImages,
  trackerAddressItem,
  unsubscribeMailItem,
} from './deliverabilityItems';
import { blockItems } from './blockItems';
import { contentItem } from './contentItem';
import { fixes, item } from './items';
import { placeholderItems } from './placeholderItems';
import { hasVoucher, VOUCHER_VARIABLES, voucherItems } from './voucherItems';

export interface ChecklistDeps {
  resolver: () => TxtResolver;
  credits: () => CreditsPort | null;
}

/** HTML above this is clipped by Gmail ("[Bericht ingekort]") and weighs on spam scores. */
export const HTML_LIMIT_BYTES = 100 * 1024;
export const MAX_IMAGE_WIDTH = 640;
const DNS_CACHE_MS = 10 * 60 * 1000;
const dnsCache = new Map<string, { at: number; checks: DnsCheckResult[] }>();

/**
 * Step 6: everything that can be checked before a mailing goes out, each ok / warn / fail with a
 * plain message and a link to where it is fixed. Sending is possible when nothing fails (and the
 * shopkeeper ticked the manual items, which send.start checks again).
 */
export async function computeChecklist(
  context: AppContext,
  mailingId: string,
  deps: ChecklistDeps,
  recipientsOf: (mailingId: string) => RecipientsAnswer = (id) => resolveRecipients(context, id),
  /** Selections (not attached) whose columns count as variables: an automation's earlier file. */
  sampleSelectionIds: string[] = [],
): Promise<ChecklistT> {
  const mailing = context.mailings.get(mailingId);
  const items: ChecklistItemT[] = [];
  items.push(...subjectItems(mailing));
  const sender = senderItems(context, mailing);
  items.push(...sender.items);
  if (sender.email) items.push(...(await dnsItems(context, sender.email, deps.resolver)));

  const selectionCheck = selectionItems(context, mailing);
  items.push(selectionCheck);
  const resolved = recipientsOf(mailing.id);
  const recipients = resolved.recipients.length;
  const skipped = {
    duplicates: resolved.skipped.duplicates.length,
    suppressed: resolved.skipped.suppressed.length,
    recentlyMailed: resolved.skipped.recentlyMailed.length,
  };
  items.push(
    recipients > 0
      ? item(
          'recipients',
          'ok',
          `${recipients} recipients`,
          'sending:checklist.recipients.ok',
          fixes.selections(mailing.id),
          { count: recipients, ...skipped, hours: resolved.fairUseHours },
        )
      : item(
          'recipients',
          'fail',
          'Nobody to send to',
          'sending:checklist.recipients.none',
          fixes.selections(mailing.id),
          { ...skipped, hours: resolved.fairUseHours },
        ),
  );

  const { compiled } = await compileStoredMailing(context, mailing, {
    ...predictedHostedImages(context),
    ...(sampleSelectionIds.length > 0 ? { alsoSelectionIds: sampleSelectionIds } : {}),
  });
  items.push(...(await contentItems(context, mailing, compiled, resolved.recipients)));
  items.push(contrastItem(mailing.id, mailing.document));
  items.push(contentItem(mailing));
  items.push(...blockItems(mailing));
  items.push(...placeholderItems(context, mailing));
  items.push(...(await voucherItems(mailing, compiled, resolved.recipients)));
  items.push(testItem(mailing));
  const tracker = trackerAddressItem(context);
  if (tracker) items.push(tracker);
  items.push(unsubscribeMailItem(context));

  const perMail = CREDITS_PER_MAIL[mailing.type];
  const needed = recipients * perMail;
  const port = deps.credits();
  let available: number | null = null;
  if (!port) {
    items.push(
      item(
        'account',
        'fail',
        'Sending needs a linked account',
        'sending:checklist.account.missing',
        fixes.account,
      ),
    );
  } else {
    try {
      available = (await port.balance()).balance;
    } catch {
      available = readCredits(context.kv).balance;
    }
    items.push(
      available >= needed
        ? item(
            'credits',
            'ok',
            `${needed} credits needed, ${available} available`,
            'sending:checklist.credits.ok',
            fixes.credits,
            { needed, available, perMail },
          )
        : item(
            'credits',
            'fail',
            `${needed} credits needed, ${available} available`,
            'sending:checklist.credits.short',
            fixes.credits,
            { needed, available, perMail },
          ),
    );
  }
  return {
    items,
    manual: MANUAL_CHECKS.map((id) => ({ id, key: `sending:manual.${id}` })),
    canSend: items.every((i) => i.status !== 'fail'),
    recipients,
    credits: { needed, perMail, available },
    accountLinked: port !== null,
  };
}

function subjectItems(mailing: MailingT): ChecklistItemT[] {
  const fix = fixes.general(mailing.id);
  const result: ChecklistItemT[] = [];
  const warnings = checkSubject({ subject: mailing.subject, topLine: mailing.topLine });
  for (const field of ['subject', 'topLine'] as const) {
    const value = field === 'subject' ? mailing.subject : mailing.topLine;
    if (value.trim() === '') {
      // The manual calls a newsletter's top line optional; a voucher's tells what it is worth.
      const optional = field === 'topLine' && mailing.type === 'newsletter';
      result.push(
        optional
          ? item(field, 'warn', 'The top line is empty', 'sending:checklist.topLine.optional', fix)
          : item(field, 'fail', `The ${field} is empty`, `sending:checklist.${field}.empty`, fix),
      );
      continue;
    }
    const own = warnings.filter((w) => w.field === field);
    result.push(
      own.length === 0
        ? item(field, 'ok', `${field} looks fine`, `sending:checklist.${field}.ok`, fix)
        : item(field, 'warn', own.map((w) => w.code).join(', '), own[0]!.key, fix, own[0]!.params),
    );
  }
  return result;
}

function senderItems(
  context: AppContext,
  mailing: MailingT,
): { items: ChecklistItemT[]; email: string | null } {
  const fix = fixes.general(mailing.id);
  const identity = context.settings.read().senders.find((s) => s.id === mailing.from);
  if (!identity) {
    return {
      items: [item('from', 'fail', 'No sender chosen', 'sending:checklist.from.missing', fix)],
      email: null,
    };
  }
  const { replyTo } = resolveSender(context.settings, mailing);
  return {
    email: identity.email,
    items: [
      identity.verified
        ? item('from', 'ok', `${identity.email} is verified`, 'sending:checklist.from.ok', fix, {
            email: identity.email,
          })
        : item(
            'from',
            'fail',
            `${identity.email} is not verified`,
            'sending:checklist.from.unverified',
            fixes.account,
            { email: identity.email },
          ),
      replyTo
        ? item('replyTo', 'ok', `Replies go to ${replyTo}`, 'sending:checklist.replyTo.ok', fix, {
            email: replyTo,
          })
        : item('replyTo', 'warn', 'No Reply-To set', 'sending:checklist.replyTo.missing', fix),
    ],
  };
}

async function dnsItems(
  context: AppContext,
  email: string,
  resolver: () => TxtResolver,
): Promise<ChecklistItemT[]> {
  const domain = domainOf(email);
  const now = context.clock.now();
  const dkim = dkimPublicKey(context.kv, domain);
  const cacheKey = `${domain}|${dkim?.selector ?? ''}`;
  let cached = dnsCache.get(cacheKey);
  if (!cached || now - cached.at > DNS_CACHE_MS || now < cached.at) {
    cached = { at: now, checks: await checkSenderDomain(resolver(), domain, dkim) };
    dnsCache.set(cacheKey, cached);
  }
  return cached.checks.map((check) =>
    item(check.id, check.status, `${check.id}: ${check.key}`, check.key, fixes.account, {
      domain,
      ...check.params,
    }),
  );
}

function selectionItems(context: AppContext, mailing: MailingT): ChecklistItemT {
  const fix = fixes.selections(mailing.id);
  const rows = context.database.sqlite
    .prepare(
      `select s.description, s.created_at as createdAt from mailing_selections ms
       join selections s on s.id = ms.selection_id where ms.mailing_id = ?`,
    )
    .all(mailing.id) as { description: string; createdAt: number }[];
  if (rows.length === 0) {
    return item(
      'selections',
      'fail',
      'No selection attached',
      'sending:checklist.selections.none',
      fix,
    );
  }
  const now = context.clock.now();
  const old = rows.filter((r) => !isUsable(r.createdAt, now));
  if (old.length > 0) {
    return item(
      'selections',
      'fail',
      'A selection is older than two months',
      'sending:checklist.selections.tooOld',
      fix,
      {
        names: old.map((r) => r.description).join(', '),
      },
    );
  }
  return item(
    'selections',
    'ok',
    `${rows.length} selections`,
    'sending:checklist.selections.ok',
    fix,
    { count: rows.length },
  );
}

async function contentItems(
  context: AppContext,
  mailing: MailingT,
  compiled: CompiledMailing,
  recipients: RecipientList,
): Promise<ChecklistItemT[]> {
  const content = fixes.content(mailing.id);
  const result: ChecklistItemT[] = [];
  const warnings = compiled.warnings;

  const unknown = warnings.filter((w) => w.code === 'unknownVariable');
  result.push(
    unknown.length === 0
      ? item(
          'variables',
          'ok',
          'All variables are known',
          'sending:checklist.variables.ok',
          content,
        )
      : item(
          'variables',
          'fail',
          'Unknown variables',
          'sending:checklist.variables.unknown',
          content,
          {
            names: [
              ...new Set(unknown.map((w) => String(w.params?.name ?? w.params?.variable ?? ''))),
            ].join(', '),
          },
        ),
  );

  const empty = new Map<string, number>();
  let firstData: Record<string, unknown> | undefined;
  // 100,000 recipients take a while: in turns, so the app stays responsive (send.start too).
  const turns = new Turns();
  for (const { data } of recipients) {
    firstData ??= data;
    await turns.pause();
    for (const name of emptyVariables(compiled, data)) {
      // Vouchers lacking their code or amount fail on their own line (voucherItems).
      if (hasVoucher(mailing) && (VOUCHER_VARIABLES as readonly string[]).includes(name)) continue;
      empty.set(name, (empty.get(name) ?? 0) + 1);
    }
  }
  result.push(
    empty.size === 0
      ? item('emptyValues', 'ok', 'No empty values', 'sending:checklist.emptyValues.ok', content)
      : item(
          'emptyValues',
          'warn',
          'Some contacts have empty values',
          'sending:checklist.emptyValues.some',
          content,
          {
            list: [...empty].map(([name, count]) => `[[${name}]]: ${count}`).join(', '),
          },
        ),
  );

  const shop = context.settings.read().shop;
  const hasFooter = mailing.document.blocks.some((b) => b.type === 'footer');
  const detailsMissing =
    shop.name.trim() === '' || shop.address.trim() === '' || shop.city.trim() === '';
  result.push(
    detailsMissing
      ? item(
          'footer',
          'fail',
          'Sender details missing',
          'sending:checklist.footer.detailsMissing',
          fixes.account,
        )
      : hasFooter
        ? item(
            'footer',
            'ok',
            'Unsubscribe link and sender details present',
            'sending:checklist.footer.ok',
            content,
          )
        : item(
            'footer',
            'warn',
            'Footer added automatically',
            'sending:checklist.footer.added',
            content,
          ),
  );

  const missingAlt = warnings.filter((w) => w.code === 'imageWithoutAlt').length;
  const tooWide = [...compiled.imageSources.values()].filter(
    (s) => s.image.width > MAX_IMAGE_WIDTH,
  ).length;
  const missingImages = warnings.filter((w) => w.code === 'imageMissing').length;
  result.push(
    missingImages > 0
      ? item('images', 'fail', 'An image is missing', 'sending:checklist.images.missing', content, {
          count: missingImages,
        })
      : missingAlt + tooWide === 0
        ? item(
            'images',
            'ok',
            'Images have alt text and fit',
            'sending:checklist.images.ok',
            content,
          )
        : item(
            'images',
            'warn',
            'Images need attention',
            'sending:checklist.images.attention',
            content,
            {
              missingAlt,
              tooWide,
              max: MAX_IMAGE_WIDTH,
            },
          ),
  );

  result.push(linksItem(mailing, compiled));

  const sample = renderForRecipient(compiled, {
    email: SAMPLE_DATA.email!,
    data: firstData ?? SAMPLE_DATA,
    recipientId: 'checklist',
  });
  const bytes = Buffer.byteLength(sample.html, 'utf8');
  const kb = Math.round(bytes / 1024);
  // The whole message as the queue writes it (headers, both parts, inline barcode): its real size.
  const messageKb = Math.round(
    composeMessage(compiled, sample, {
      to: SAMPLE_DATA.email!,
      messageId: '<size@winkelpost>',
      date: new Date(context.clock.now()),
    }).length / 1024,
  );
  result.push(
    bytes < HTML_LIMIT_BYTES
      ? item('htmlSize', 'ok', `Mail ${messageKb} KB`, 'sending:checklist.htmlSize.ok', content, {
          kb,
          messageKb,
        })
      : item('htmlSize', 'fail', `HTML ${kb} KB`, 'sending:checklist.htmlSize.tooLarge', content, {
          kb,
          messageKb,
          max: 100,
        }),
  );
  return result;
}

function linksItem(mailing: MailingT, compiled: CompiledMailing): ChecklistItemT {
  const content = fixes.content(mailing.id);
  const invalid: string[] = [];
  const plain: string[] = [];
  for (const link of compiled.links) {
    let url: URL | null;
    try {
      url = new URL(link.url);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || !url.hostname.includes('.'))
      invalid.push(link.url);
    else if (url.protocol === 'http:') plain.push(link.url);
  }
  if (invalid.length > 0) {
    return item('links', 'fail', 'Invalid links', 'sending:checklist.links.invalid', content, {
      list: invalid.slice(0, 5).join(', '),
    });
  }
  if (plain.length > 0) {
    return item('links', 'warn', 'Links without https', 'sending:checklist.links.http', content, {
      list: plain.slice(0, 5).join(', '),
    });
  }
  return item(
    'links',
    'ok',
    `${compiled.links.length} links`,
    'sending:checklist.links.ok',
    content,
    { count: compiled.links.length },
  );
}

function testItem(mailing: MailingT): ChecklistItemT {
  const fix = fixes.test(mailing.id);
  if (mailing.lastTestAt === null) {
    return item('test', 'fail', 'No test mail sent yet', 'sending:checklist.test.never', fix);
  }
  if (mailing.lastTestAt < mailing.contentChangedAt) {
    return item(
      'test',
      'fail',
      'Changed since the last test mail',
      'sending:checklist.test.outdated',
      fix,
      {
        testedAt: mailing.lastTestAt,
        changedAt: mailing.contentChangedAt,
      },
    );
  }
  return item(
    'test',
    'ok',
    'Test mail sent after the last change',
    'sending:checklist.test.ok',
    fix,
    { testedAt: mailing.lastTestAt },
  );
}
