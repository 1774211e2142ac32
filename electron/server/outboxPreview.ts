import type { App } from '../app';
import { DomainError } from '../contract';
import { previewContentSecurityPolicy } from '../main/policy';
import { outboxHtml } from '../services/senders/outbox';
import type { PreviewResponse } from './previewRoute';

/** Path under the preview route for an outbox message: /_preview/outbox/<file>.eml */
export const OUTBOX_PREVIEW = 'outbox/';

const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

/**
 * The HTML part of an .eml in the outbox, for the outbox viewer's sandboxed iframe. Served like
 * the mailing preview (the app's own CSP forbids the inline styles of a mail): no scripts, no forms.
 */
export async function outboxPreviewResponse(app: App, file: string): Promise<PreviewResponse> {
  let html: string | null;
  try {
    html = await outboxHtml(app.context.dataDir, file);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    html = null;
  }
  if (html === null) {
    return {
      status: 404,
      headers: PLAIN,
      body: 'Dit bericht heeft geen HTML-deel / This message has no HTML part',
    };
  }
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': previewContentSecurityPolicy(),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body: html,
  };
}
