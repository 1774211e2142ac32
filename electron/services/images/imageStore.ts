import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/openDatabase';
import { images } from '../../../db/schema';
import type { ImageInfoT } from '../../contract/images';
import type { CompileImage } from '../render';
import type { PreparedImage } from './imageFile';

type ImageRow = typeof images.$inferSelect;

export function toImageInfo(row: ImageRow): ImageInfoT {
  return {
    id: row.id,
    mailingId: row.mailingId,
    fileName: row.fileName,
    mime: row.mime as ImageInfoT['mime'],
    width: row.width,
    height: row.height,
    bytes: row.bytes.length,
    sha256: row.sha256,
    dataUrl: `data:${row.mime};base64,${row.bytes.toString('base64')}`,
  };
}

export function toCompileImage(row: ImageRow): CompileImage {
  return {
    id: row.id,
    mime: row.mime,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    bytes: row.bytes,
    fileName: row.fileName,
  };
}

/** The images table: images belong to one mailing and go with it (copied, deleted). */
export class ImageStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  insert(
    mailingId: string,
    fileName: string,
    image: PreparedImage,
    id: string = randomUUID(),
  ): ImageRow {
    const row: ImageRow = {
      id,
      mailingId,
      fileName,
      mime: image.mime,
      width: image.width,
      height: image.height,
      sha256: image.sha256,
      bytes: image.bytes,
      createdAt: this.now(),
    };
    this.db.insert(images).values(row).run();
    return row;
  }

  forMailing(mailingId: string): ImageRow[] {
    return this.db
      .select()
      .from(images)
      .where(eq(images.mailingId, mailingId))
      .orderBy(asc(images.createdAt), asc(images.id))
      .all();
  }

  get(id: string): ImageRow | undefined {
    return this.db.select().from(images).where(eq(images.id, id)).get();
  }

  delete(id: string): void {
    this.db.delete(images).where(eq(images.id, id)).run();
  }

  /** Copies every image of one mailing to another; returns old id → new id for the document. */
  copyAll(fromMailingId: string, toMailingId: string): Map<string, string> {
    const mapping = new Map<string, string>();
    for (const row of this.forMailing(fromMailingId)) {
      const id = randomUUID();
      this.db
        .insert(images)
        .values({ ...row, id, mailingId: toMailingId, createdAt: this.now() })
        .run();
      mapping.set(row.id, id);
    }
    return mapping;
  }

  /** For whoever hosts images at the tracker: the bytes behind a content hash. */
  findBySha256(mailingId: string, sha256: string): ImageRow | undefined {
    return this.db
      .select()
      .from(images)
      .where(and(eq(images.mailingId, mailingId), eq(images.sha256, sha256)))
      .get();
  }
}
