import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/openDatabase';
import { libraryImages, libraryItems } from '../../../db/schema';

/** A saved block or template as stored (its document as JSON text). */
export type LibraryItemRow = typeof libraryItems.$inferSelect;
/** A copy of an image a saved item shows, kept with the item. */
export type LibraryImageRow = typeof libraryImages.$inferSelect;

/** "Mijn blokken" and "Mijn sjablonen": the library's items and their own images. */
export class LibraryStore {
  constructor(private readonly db: Db) {}

  /** Newest first, then by name. */
  items(kind: 'block' | 'template'): LibraryItemRow[] {
    return this.db
      .select()
      .from(libraryItems)
      .where(eq(libraryItems.kind, kind))
      .orderBy(desc(libraryItems.createdAt), asc(libraryItems.name))
      .all();
  }

  /** The item, when it exists (and is of that kind, when one is given). */
  item(id: string, kind?: 'block' | 'template'): LibraryItemRow | undefined {
    return this.db
      .select()
      .from(libraryItems)
      .where(
        kind ? and(eq(libraryItems.id, id), eq(libraryItems.kind, kind)) : eq(libraryItems.id, id),
      )
      .get();
  }

  /** The item's images in the order they were saved. */
  images(itemId: string): LibraryImageRow[] {
    return this.db
      .select()
      .from(libraryImages)
      .where(eq(libraryImages.itemId, itemId))
      .orderBy(asc(libraryImages.createdAt), asc(libraryImages.id))
      .all();
  }

  /** The item and its images, together or not at all. */
  insert(item: LibraryItemRow, images: readonly LibraryImageRow[]): void {
    this.db.transaction((tx) => {
      tx.insert(libraryItems).values(item).run();
      for (const image of images) tx.insert(libraryImages).values(image).run();
    });
  }

  rename(id: string, name: string, updatedAt: number): void {
    this.db.update(libraryItems).set({ name, updatedAt }).where(eq(libraryItems.id, id)).run();
  }

  /** The item; its images go by ON DELETE CASCADE. */
  delete(id: string): void {
    this.db.delete(libraryItems).where(eq(libraryItems.id, id)).run();
  }
}
