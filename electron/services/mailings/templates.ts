import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../../../db/openDatabase';
import { MailingType, TemplateKey } from '../../contract/mailings';
import { parseDocument } from '../render/document';
import { prepareImage, type PreparedImage } from '../images/imageFile';
import type { ImageStore } from '../images/imageStore';
import { remapImages } from './documentImages';
import type { MailingsService } from './mailingsService';
import { MailingStore } from './mailingStore';

/**
 * resources/templates/<key>.json: the BASIS and VOORBEELD mailings every install starts with.
 * Blocks point at the template's images as "ref:<name>"; seeding stores those images with the
 * template mailing and puts their ids in.
 */
export const TemplateFile = z.object({
  key: TemplateKey,
  type: MailingType,
  /** What the overview shows, e.g. "BASIS - nieuwsbrief". */
  name: z.string().min(1),
  /** The subject a copy starts with. */
  copySubject: z.string().default(''),
  topLine: z.string().default(''),
  images: z
    .array(
      z.object({ ref: z.string().min(1), file: z.string().min(1), fileName: z.string().min(1) }),
    )
    .default([]),
  document: z.unknown(),
});
export type TemplateFileT = z.infer<typeof TemplateFile>;

export function templatesDir(resourcesDir: string): string {
  return join(resourcesDir, 'templates');
}

export function readTemplates(resourcesDir: string): TemplateFileT[] {
  const dir = templatesDir(resourcesDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => TemplateFile.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

export function templateMailingId(key: z.infer<typeof TemplateKey>): string {
  return `template-${key}`;
}

/**
 * Puts every template that is not there yet into the mailings table. Idempotent: a template the
 * shop already has (and may have edited, e.g. with its own logo) is left alone.
 */
export async function seedTemplates(
  resourcesDir: string,
  deps: { db: Db; mailings: MailingsService; images: ImageStore },
): Promise<number> {
  const store = new MailingStore(deps.db);
  let added = 0;
  for (const template of readTemplates(resourcesDir)) {
    if (store.hasTemplate(template.key)) continue;
    const prepared: { ref: string; fileName: string; image: PreparedImage }[] = [];
    for (const image of template.images) {
      const bytes = readFileSync(join(templatesDir(resourcesDir), image.file));
      prepared.push({
        ref: image.ref,
        fileName: image.fileName,
        image: await prepareImage(bytes, image.fileName),
      });
    }
    const id = templateMailingId(template.key);
    const mapping = new Map(prepared.map((p) => [`ref:${p.ref}`, `${id}-${p.ref}`]));
    const document = remapImages(parseDocument(template.document), mapping);
    deps.db.transaction(() => {
      // Re-checked inside the transaction: two windows starting at once add it only once.
      if (store.hasTemplate(template.key)) return;
      deps.mailings.insert(
        {
          type: template.type,
          subject: template.name,
          topLine: template.topLine,
          from: '',
          replyTo: '',
          document,
          templateKey: template.key,
        },
        id,
      );
      for (const p of prepared) deps.images.insert(id, p.fileName, p.image, `${id}-${p.ref}`);
      added += 1;
    });
  }
  return added;
}

export function templateCopySubject(
  resourcesDir: string,
): (key: z.infer<typeof TemplateKey>) => string {
  return (key) => readTemplates(resourcesDir).find((t) => t.key === key)?.copySubject ?? '';
}
