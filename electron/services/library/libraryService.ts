import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/openDatabase';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { LibraryItemT } from '../../contract/library';
import type { BlockT, MailingDocumentT } from '../../contract/mailingDocument';
import type { MailingT } from '../../contract/mailings';
import type { ImageStore } from '../images/imageStore';
import { imageUses, remapImages } from '../mailings/documentImages';
import type { MailingsService } from '../mailings/mailingsService';
import { parseDocument } from '../render/document';
import {
  LibraryStore,
  type LibraryImageRow as ImageRow,
  type LibraryItemRow as ItemRow,
} from './libraryStore';

export interface LibraryServiceDeps {
  db: Db;
  mailings: MailingsService;
  images: ImageStore;
  now: () => number;
}

function notFound(id: string): DomainError {
  return new DomainError(
    ERROR_CODES.notFound,
    `Saved block or template ${id} does not exist`,
    'library:errors.notFound',
    { id },
  );
}

/**
 * "Mijn blokken" and "Mijn sjablonen". Saving copies the document and the images it shows into
 * the library; using one copies them out again with new ids. So an item, its source and every
 * mailing made from it are independent: editing or deleting one never changes another.
 */
export class LibraryService {
  private readonly store: LibraryStore;

  constructor(private readonly deps: LibraryServiceDeps) {
    this.store = new LibraryStore(deps.db);
  }

  list(kind: 'block' | 'template'): LibraryItemT[] {
    return this.store.items(kind).map(toItem);
  }

  saveBlocks(mailingId: string, blockIds: string[], name: string): LibraryItemT {
    const mailing = this.deps.mailings.get(mailingId);
    const wanted = new Set(blockIds);
    const blocks = mailing.document.blocks.filter((b) => wanted.has(b.id));
    if (blocks.length !== wanted.size) {
      throw new DomainError(
        ERROR_CODES.invalidInput,
        'A chosen block is not in this mailing (any more)',
        'library:errors.blockNotFound',
      );
    }
    return this.save('block', name, mailing, { ...mailing.document, blocks });
  }

  saveTemplate(mailingId: string, name: string): LibraryItemT {
    const mailing = this.deps.mailings.get(mailingId);
    return this.save('template', name, mailing, mailing.document);
  }

  rename(id: string, name: string): LibraryItemT {
    this.row(id);
    this.store.rename(id, name, this.deps.now());
    return toItem(this.row(id));
  }

  delete(id: string): void {
    this.row(id);
    this.store.delete(id);
  }

  /** The blocks of a "Mijn blok", copied into a draft mailing with their images. */
  insertBlocks(id: string, mailingId: string): BlockT[] {
    const row = this.row(id, 'block');
    const mailing = this.deps.mailings.get(mailingId);
    if (mailing.status !== 'draft' && mailing.status !== 'cancelled') {
      throw new DomainError(
        ERROR_CODES.conflict,
        `A mailing that is ${mailing.status} cannot be changed`,
        'mailings:errors.notEditable',
        { status: mailing.status },
      );
    }
    return this.deps.db.transaction(() => {
      const document = this.copyImagesOut(row, mailingId);
      return document.blocks.map((block) => ({ ...block, id: randomUUID() }));
    });
  }

  /** A new draft from "Mijn sjabloon": its subject, top line, document and images. */
  createMailing(id: string): MailingT {
    const row = this.row(id, 'template');
    return this.deps.db.transaction(() => {
      const mailingId = randomUUID();
      const placeholder = parseDocument(JSON.parse(row.document));
      this.deps.mailings.insert(
        {
          type: row.mailingType ?? 'newsletter',
          subject: row.subject,
          topLine: row.topLine,
          ...this.deps.mailings.onlySender(),
          document: { ...placeholder, blocks: [] },
          templateKey: null,
        },
        mailingId,
      );
      const document = this.copyImagesOut(row, mailingId);
      return this.deps.mailings.update(mailingId, { document });
    });
  }

  private save(
    kind: 'block' | 'template',
    name: string,
    mailing: MailingT,
    document: MailingDocumentT,
  ): LibraryItemT {
    return this.deps.db.transaction(() => {
      const id = randomUUID();
      const now = this.deps.now();
      const used = new Set(imageUses(document).map((u) => u.imageId));
      const mapping = new Map<string, string>();
      const images = this.deps.images
        .forMailing(mailing.id)
        .filter((image) => used.has(image.id))
        .map((image): ImageRow => {
          const copyId = randomUUID();
          mapping.set(image.id, copyId);
          const { fileName, mime, width, height, sha256, bytes } = image;
          return {
            id: copyId,
            itemId: id,
            fileName,
            mime,
            width,
            height,
            sha256,
            bytes,
            createdAt: now,
          };
        });
      const row: ItemRow = {
        id,
        kind,
        name,
        mailingType: kind === 'template' ? mailing.type : null,
        subject: kind === 'template' ? mailing.subject : '',
        topLine: kind === 'template' ? mailing.topLine : '',
        document: JSON.stringify(remapImages(document, mapping)),
        createdAt: now,
        updatedAt: now,
      };
      this.store.insert(row, images);
      return toItem(row);
    });
  }

  /** The item's document with its images copied into the mailing (new ids, remapped). */
  private copyImagesOut(row: ItemRow, mailingId: string): MailingDocumentT {
    const document = parseDocument(JSON.parse(row.document));
    const mapping = new Map<string, string>();
    for (const image of this.store.images(row.id)) {
      const copy = this.deps.images.insert(mailingId, image.fileName, {
        mime: image.mime as 'image/png',
        width: image.width,
        height: image.height,
        bytes: image.bytes,
        sha256: image.sha256,
      });
      mapping.set(image.id, copy.id);
    }
    return remapImages(document, mapping);
  }

  private row(id: string, kind?: 'block' | 'template'): ItemRow {
    const row = this.store.item(id, kind);
    if (!row) throw notFound(id);
    return row;
  }
}

function toItem(row: ItemRow): LibraryItemT {
  let blockTypes: string[] = [];
  try {
    const blocks = (JSON.parse(row.document) as { blocks?: { type?: unknown }[] }).blocks ?? [];
    blockTypes = blocks.map((b) => String(b.type));
  } catch {
    // A damaged document lists no types; using it then fails with the document's own error.
  }
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mailingType: row.mailingType,
    blockTypes,
    createdAt: row.createdAt,
  };
}
