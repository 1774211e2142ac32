import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../app';
import { outboxDir } from '../services/sending/transport';
import { DomainError } from '../contract';
import { outboxHtml } from '../services/senders/outbox';
import { mailPageAnswer, plainAnswer, type PreviewResponse } from './previewAnswer';

/** Path under the preview route for an outbox message: /_preview/outbox/<file>.eml */
export const OUTBOX_PREVIEW = 'outbox/';

/**
 * The HTML part of an .eml in the outbox, for the outbox viewer's sandboxed iframe. Served like
 * the mailing preview (the app's own CSP forbids the inline styles of a mail): no scripts, no forms.
 */
export async function outboxPreviewResponse(app: App, file: string): Promise<PreviewResponse> {
  let html: string | null = null;
  try {
    if (await isPlainOutboxFile(app.context.dataDir, file))
      html = await outboxHtml(app.context.dataDir, file);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    html = null;
  }
  if (html === null) {
    return plainAnswer(404, 'Dit bericht heeft geen HTML-deel / This message has no HTML part');
  }
  return mailPageAnswer(html);
}

/**
 * Only a real file of the outbox: a symbolic link placed there (to the token, the database or a
 * file elsewhere) is never followed, and the name may not leave the folder.
 */
async function isPlainOutboxFile(dataDir: string, file: string): Promise<boolean> {
  if (file.includes('/') || file.includes('\\') || file.startsWith('.')) return false;
  try {
    return (await lstat(join(outboxDir(dataDir), file))).isFile();
  } catch {
    return false;
  }
}
