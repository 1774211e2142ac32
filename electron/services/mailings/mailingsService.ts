import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../../db/openDatabase';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { MailingDocumentT } from '../../contract/mailingDocument';
import type {
  Mailing,
  MailingPatch,
  MailingStatus,
  MailingSummary,
  MailingT,
  MailingType,
} from '../../contract/mailings';
import { TemplateKey } from '../../contract/mailings';
import { emptyDocument, newBlock, parseDocument } from '../render/document';
import type { ImageStore } from '../images/imageStore';
import type { SettingsService } from '../settings/settingsService';
import type { ShopIdentityStore } from '../identity/identityStore';
import { imageUses, remapImages } from './documentImages';
import { MailingStore, type MailingRow } from './mailingStore';
import { withShopIdentity } from './shopIdentity';

type Status = z.infer<typeof MailingStatus>;

/** Only drafts change; a scheduled, sending or sent mailing is what it is. */
const EDITABLE: readonly Status[] = ['draft', 'cancelled'];

export function notFound(id: string): DomainError {
  return new DomainError(
    ERROR_CODES.notFound,
    `Mailing ${id} does not exist`,
    'mailings:errors.notFound',
    { id },
  );
}

export interface MailingsServiceDeps {
  db: Db;
  images: ImageStore;
  settings: SettingsService;
  now: () => number;
  /** The subject a copy of a template starts with (BASIS: empty, VOORBEELD: the example's). */
  templateCopySubject: (key: z.infer<typeof TemplateKey>) => string;
  /** The shop's logo and colours for new mailings (absent: mailings start as the templates are). */
  identity?: ShopIdentityStore;
}

/** Mailings and their documents: create, copy, change, delete, and the status the sender sets. */
export class MailingsService {
  private readonly store: MailingStore;

  constructor(private readonly deps: MailingsServiceDeps) {
    this.store = new MailingStore(deps.db);
  }

  /** The overview: summaries only (documents are neither sent along nor parsed). */
  list(filter: 'open' | 'sent' | 'all'): z.infer<typeof MailingSummary>[] {
    return this.store.summaries(filter).map((row) => ({
      ...row,
      templateKey: row.templateKey === null ? null : TemplateKey.parse(row.templateKey),
    }));
  }

  get(id: string): MailingT {
    const row = this.store.row(id);
    if (!row) throw notFound(id);
    return this.toMailing(row);
  }

  /** A blank mailing: a text block to start in (and for vouchers the voucher), and the footer. */
  createBlank(type: z.infer<typeof MailingType>): MailingT {
    const document: MailingDocumentT = {
      ...emptyDocument(),
      blocks: [
        newBlock('logo'),
        newBlock('text'),
        ...(type === 'voucher' ? [newBlock('voucher')] : []),
        newBlock('footer'),
      ],
    };
    return this.deps.db.transaction(() => {
      const blank = this.insert({
        type,
        subject: '',
        topLine: '',
        ...this.onlySender(),
        document,
        templateKey: null,
      });
      return this.personalize(blank, true);
    });
  }

  /** From and Reply-To for a new mailing: filled in when the shop has exactly one verified sender. */
  onlySender(): { from: string; replyTo: string } {
    const verified = this.deps.settings.read().senders.filter((s) => s.verified);
    if (verified.length !== 1) return { from: '', replyTo: '' };
    return { from: verified[0]!.id, replyTo: verified[0]!.replyTo };
  }

  /** The shop's logo in place of a placeholder (and its colours when asked); stored at once. */
  private personalize(mailing: MailingT, colors: boolean): MailingT {
    if (!this.deps.identity) return mailing;
    const document = withShopIdentity(mailing, this.deps.identity, this.deps.images, colors);
    if (document === mailing.document) return mailing;
    this.store.change(mailing.id, { document: JSON.stringify(document) });
    return { ...mailing, document };
  }

  /** A copy of any mailing or template, with its own copies of the images. */
  copy(fromId: string): MailingT {
    const source = this.get(fromId);
    return this.deps.db.transaction(() => {
      const id = randomUUID();
      const subject = source.templateKey
        ? this.deps.templateCopySubject(source.templateKey)
        : source.subject;
      const sender = source.from === '' ? this.onlySender() : {};
      const copy = this.insert(
        { ...source, ...sender, subject, templateKey: null, document: source.document },
        id,
      );
      const mapping = this.deps.images.copyAll(source.id, id);
      const document = remapImages(source.document, mapping);
      this.store.change(id, { document: JSON.stringify(document) });
      return this.personalize(
        { ...copy, document },
        source.templateKey?.startsWith('basis') ?? false,
      );
    });
  }

  insert(
    values: Pick<
      MailingT,
      'type' | 'subject' | 'topLine' | 'from' | 'replyTo' | 'document' | 'templateKey'
    >,
    id: string = randomUUID(),
  ): MailingT {
    const now = this.deps.now();
    const row: MailingRow = {
      id,
      type: values.type,
      subject: values.subject,
      topLine: values.topLine,
      fromId: values.from === '' ? null : values.from,
      replyTo: values.replyTo,
      document: JSON.stringify(values.document),
      status: 'draft',
      templateKey: values.templateKey,
      createdAt: now,
      updatedAt: now,
      contentChangedAt: now,
      lastTestAt: null,
      sentAt: null,
      // Every new mailing (blank, copy or template) starts as the account says.
      campaignTags: this.deps.settings.read().campaignTags.onByDefault,
    };
    this.store.insert(row);
    return this.toMailing(row);
  }

  update(id: string, patch: z.infer<typeof MailingPatch>): MailingT {
    const current = this.get(id);
    if (!EDITABLE.includes(current.status)) {
      throw new DomainError(
        ERROR_CODES.conflict,
        `A mailing that is ${current.status} cannot be changed`,
        'mailings:errors.notEditable',
        { status: current.status },
      );
    }
    const document = patch.document === undefined ? undefined : parseDocument(patch.document);
    if (document) this.checkImagesBelong(id, document);
    if (patch.from !== undefined && patch.from !== '') {
      if (!this.deps.settings.read().senders.some((s) => s.id === patch.from)) {
        throw new DomainError(
          ERROR_CODES.invalidInput,
          'Unknown sender',
          'mailings:errors.unknownSender',
          undefined,
          [{ field: 'from', message: 'unknown sender', key: 'mailings:errors.unknownSender' }],
        );
      }
    }
    const next = {
      subject: patch.subject ?? current.subject,
      topLine: patch.topLine ?? current.topLine,
      from: patch.from ?? current.from,
      replyTo: patch.replyTo ?? current.replyTo,
      campaignTags: patch.campaignTags ?? current.campaignTags,
      document: document ?? current.document,
    };
    // What a recipient sees changed: the last test mail no longer shows the mailing as it is.
    const contentChanged =
      next.subject !== current.subject ||
      next.topLine !== current.topLine ||
      next.from !== current.from ||
      next.campaignTags !== current.campaignTags ||
      JSON.stringify(next.document) !== JSON.stringify(current.document);
    const now = this.deps.now();
    this.store.change(id, {
      subject: next.subject,
      topLine: next.topLine,
      fromId: next.from === '' ? null : next.from,
      replyTo: next.replyTo,
      campaignTags: next.campaignTags,
      document: JSON.stringify(next.document),
      updatedAt: now,
      ...(contentChanged ? { contentChangedAt: Math.max(now, current.contentChangedAt + 1) } : {}),
    });
    return this.get(id);
  }

  delete(id: string): void {
    const mailing = this.get(id);
    if (mailing.templateKey) {
      throw new DomainError(
        ERROR_CODES.forbidden,
        'Templates cannot be deleted',
        'mailings:errors.templateDelete',
      );
    }
    if (!EDITABLE.includes(mailing.status) || this.store.hasSends(id)) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'A mailing that was scheduled or sent stays in the archive',
        'mailings:errors.notDeletable',
        { status: mailing.status },
      );
    }
    this.store.delete(id);
  }

  /** For the send queue: scheduled, sending, sent, cancelled (templates are refused). */
  setStatus(id: string, status: Status, at: number = this.deps.now()): MailingT {
    const mailing = this.get(id);
    if (mailing.templateKey && status !== 'draft') {
      throw new DomainError(
        ERROR_CODES.forbidden,
        'Templates cannot be sent',
        'mailings:errors.templateSend',
      );
    }
    this.store.change(id, { status, updatedAt: at, ...(status === 'sent' ? { sentAt: at } : {}) });
    return this.get(id);
  }

  /** For the test send: remembers when the last test mail went out (compared with contentChangedAt). */
  markTested(id: string, at: number = this.deps.now()): void {
    this.store.change(id, { lastTestAt: at });
  }

  private checkImagesBelong(mailingId: string, document: MailingDocumentT): void {
    const own = new Set(this.deps.images.forMailing(mailingId).map((i) => i.id));
    for (const use of imageUses(document)) {
      if (!own.has(use.imageId)) {
        const blockType = document.blocks[use.blockIndex]?.type ?? '?';
        throw new DomainError(
          ERROR_CODES.invalidInput,
          `Block ${use.blockIndex + 1} (${blockType}): field "${use.field}": image ${use.imageId} is not an image of this mailing`,
          'mailings:errors.invalidBlock',
          {
            block: use.blockIndex + 1,
            blockType,
            field: use.field,
            reason: 'mailings:errors.imageNotFound',
          },
          [
            {
              field: `document.blocks.${use.blockIndex}.data.${use.field}`,
              message: 'image not found',
              key: 'mailings:errors.imageNotFound',
            },
          ],
        );
      }
    }
  }

  private toMailing(row: MailingRow): z.infer<typeof Mailing> {
    return {
      id: row.id,
      type: row.type,
      subject: row.subject,
      topLine: row.topLine,
      from: row.fromId ?? '',
      replyTo: row.replyTo,
      document: parseDocument(JSON.parse(row.document)),
      status: row.status,
      templateKey: row.templateKey === null ? null : TemplateKey.parse(row.templateKey),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      contentChangedAt: row.contentChangedAt,
      lastTestAt: row.lastTestAt,
      sentAt: row.sentAt,
      campaignTags: row.campaignTags,
    };
  }
}
