import { z } from 'zod';
import { channel } from './channel';
import { Id, Ok, Timestamp } from './common';
import { Block } from './mailingDocument';
import { Mailing, MailingType } from './mailings';

/** "Mijn blok" (blocks to insert again) or "Mijn sjabloon" (a mailing to start from). */
export const LibraryKind = z.enum(['block', 'template']);

export const LibraryName = z
  .string()
  .trim()
  .min(1, { message: 'library:errors.nameEmpty' })
  .max(80, { message: 'library:errors.nameTooLong' });

export const LibraryItem = z.object({
  id: Id,
  kind: LibraryKind,
  name: z.string(),
  /** Templates: the type of the mailings made from it; null for blocks. */
  mailingType: MailingType.nullable(),
  /** The types of the saved blocks, in order (what the add-block menu says it holds). */
  blockTypes: z.array(z.string()),
  createdAt: Timestamp,
});
export type LibraryItemT = z.infer<typeof LibraryItem>;

export const libraryChannels = {
  'library.list': channel(z.object({ kind: LibraryKind }).strict(), z.array(LibraryItem)),
  /** Saves the given blocks of a mailing (in the mailing's order) as one "Mijn blok". */
  'library.saveBlocks': channel(
    z
      .object({
        mailingId: Id,
        blockIds: z.array(z.string().min(1)).min(1).max(200),
        name: LibraryName,
      })
      .strict(),
    LibraryItem,
  ),
  /** Saves a whole mailing (subject, top line, document, images) as "Mijn sjabloon". */
  'library.saveTemplate': channel(
    z.object({ mailingId: Id, name: LibraryName }).strict(),
    LibraryItem,
  ),
  'library.rename': channel(z.object({ id: Id, name: LibraryName }).strict(), LibraryItem),
  'library.delete': channel(z.object({ id: Id }).strict(), Ok),
  /**
   * Copies a "Mijn blok" into a mailing: its images become images of that mailing and the
   * blocks get new ids. The editor puts the answered blocks where the shopkeeper asked.
   */
  'library.insertBlocks': channel(
    z.object({ id: Id, mailingId: Id }).strict(),
    z.object({ blocks: z.array(Block) }),
  ),
  /** A new draft mailing from "Mijn sjabloon", with its own copies of the images. */
  'library.createMailing': channel(z.object({ id: Id }).strict(), Mailing),
};
