import type { Db } from '../../../db/openDatabase';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { MailingT } from '../../contract/mailings';
import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';
import type { ImageStore } from '../images/imageStore';
import { toCompileImage } from '../images/imageStore';
import { compileMailing, type CompileImage, type CompiledMailing, type Sender } from '../render';
import { campaignTagsFor } from './campaignTagsFor';
import { RenderInputStore } from './renderInputStore';
import { SAMPLE_DATA } from '../render/variables';
import type { SettingsService } from '../settings/settingsService';
import { readTrackingConfig, type TrackingConfig } from '../tracking/trackingConfig';

export interface RenderInputDeps {
  db: Db;
  kv: KeyValueStore;
  cipher: SecretCipher;
  settings: SettingsService;
  images: ImageStore;
  /** utm_source of campaign tags is the product's name. */
  branding: { productName: string };
}

/** The mailing's sender identity, or (in previews) a stand-in when none is set up yet. */
export function resolveSender(
  settings: SettingsService,
  mailing: Pick<MailingT, 'from' | 'replyTo'>,
): { sender: Sender; replyTo: string; missing: boolean } {
  const stored = settings.read();
  const identity = stored.senders.find((s) => s.id === mailing.from) ?? stored.senders[0];
  if (!identity) {
    return {
      sender: {
        name: stored.shop.name || 'Winkelpost',
        email: stored.shop.email || 'afzender@voorbeeld.invalid',
      },
      replyTo: mailing.replyTo,
      missing: true,
    };
  }
  return {
    sender: { name: identity.name, email: identity.email },
    replyTo: mailing.replyTo || identity.replyTo,
    missing: false,
  };
}

/** Extra columns of the selections attached to the mailing (and of any others given). */
export function extraColumns(db: Db, mailingId: string, alsoSelectionIds: string[] = []): string[] {
  const names = new Set<string>();
  for (const extra of new RenderInputStore(db).extraColumnLists(mailingId, alsoSelectionIds)) {
    try {
      const parsed: unknown = JSON.parse(extra);
      if (Array.isArray(parsed))
        for (const name of parsed) if (typeof name === 'string') names.add(name);
    } catch {
      // A damaged column list only means fewer known variables; the checklist then reports them.
    }
  }
  return [...names];
}

export interface CompileStoredOptions {
  /** Defaults to the stored tracker link (null when the app is not linked). */
  tracking?: TrackingConfig | null;
  /** Selections beyond the attached ones whose columns count as variables (a preview contact's). */
  alsoSelectionIds?: string[];
  hostedImageUrl?: (image: CompileImage) => string | undefined;
}

/**
 * For the preview, the test send and the send queue: everything compileMailing needs for a
 * stored mailing (sender, shop details, images, extra columns, tracking), then one compile.
 */
export async function compileStoredMailing(
  deps: RenderInputDeps,
  mailing: MailingT,
  options: CompileStoredOptions = {},
): Promise<{ compiled: CompiledMailing; senderMissing: boolean }> {
  const { sender, replyTo, missing } = resolveSender(deps.settings, mailing);
  const compiled = await compileMailing({
    mailingId: mailing.id,
    subject: mailing.subject,
    topLine: mailing.topLine,
    document: mailing.document,
    sender,
    replyTo,
    shop: deps.settings.read().shop,
    images: deps.images.forMailing(mailing.id).map(toCompileImage),
    extraVariables: extraColumns(deps.db, mailing.id, options.alsoSelectionIds),
    tracking:
      options.tracking === undefined ? readTrackingConfig(deps.kv, deps.cipher) : options.tracking,
    ...(options.hostedImageUrl ? { hostedImageUrl: options.hostedImageUrl } : {}),
    language: deps.settings.read().mailLanguage,
    campaignTags: campaignTagsFor(mailing, deps.settings.read(), deps.branding.productName),
  });
  return { compiled, senderMissing: missing };
}

/** A contact as the mailing is personalised for: the stored one, or the manual's sample values. */
export interface RenderContact {
  email: string;
  data: Record<string, unknown>;
  /** The contact's own selection: its extra columns are variables too. */
  selectionId: string | undefined;
}

export const SAMPLE_CONTACT: RenderContact = {
  email: SAMPLE_DATA.email ?? '',
  data: { ...SAMPLE_DATA },
  selectionId: undefined,
};

export function loadContact(db: Db, contactId: number | undefined): RenderContact {
  if (contactId === undefined) return SAMPLE_CONTACT;
  const row = new RenderInputStore(db).contact(contactId);
  if (!row) {
    throw new DomainError(
      ERROR_CODES.notFound,
      `Contact ${contactId} does not exist`,
      'mailings:errors.contactNotFound',
      { contactId },
    );
  }
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    // An unreadable row renders as a contact without values: the empty-value warnings say so.
  }
  return { email: row.email, data, selectionId: row.selectionId };
}

/**
 * The one input assembly for preview, test send and send: which columns count as variables for
 * this contact (the mailing's selections and the contact's own) and the values it fills in.
 * The send passes no contact (its recipients come from the attached selections) and its jobs'
 * frozen data per recipient.
 */
export function renderInputFor(
  mailing: Pick<MailingT, 'id'>,
  contact: RenderContact | null,
): { compile: Pick<CompileStoredOptions, 'alsoSelectionIds'>; data: Record<string, unknown> } {
  return {
    compile: contact?.selectionId ? { alsoSelectionIds: [contact.selectionId] } : {},
    data: contact ? { email: contact.email, ...contact.data } : {},
  };
}
